import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppRelease, HubStore } from '../store/hub-store';

/**
 * The desktop app's update feed, per partner: electron-updater's "generic" provider reads
 * <feed url>/<channel file> (latest.yml on Windows, latest-mac.yml, latest-linux.yml), then
 * downloads files[0].url (relative to the feed) and checks its size and base64 SHA-512.
 * A partner rolls a version out by publishing it here; devices see it on their next check.
 */

export const appPlatforms = ['win', 'mac', 'linux'] as const;
export type AppPlatform = (typeof appPlatforms)[number];

export const channelFiles: Record<AppPlatform, string> = { win: 'latest.yml', mac: 'latest-mac.yml', linux: 'latest-linux.yml' };

export const platformOfChannelFile = (file: string): AppPlatform | undefined =>
  appPlatforms.find((p) => channelFiles[p] === file);

/** electron-updater compares versions with semver: anything else would never be offered. */
const semverPattern = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
/** A file name the feed can carry as a relative URL and the hub can serve from one folder. */
const fileNamePattern = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,199}$/;

// JSON strings are valid YAML scalars: every value is quoted this way, so no version, name or note
// can turn into YAML syntax.
const q = (value: string): string => JSON.stringify(value);

/** The channel file's text (YAML), in the shape electron-builder writes it. */
export const renderUpdateFeed = (release: AppRelease, fileUrl: string): string =>
  [
    `version: ${q(release.version)}`,
    'files:',
    `  - url: ${q(fileUrl)}`,
    `    sha512: ${q(release.sha512)}`,
    `    size: ${release.size}`,
    `path: ${q(fileUrl)}`,
    `sha512: ${q(release.sha512)}`,
    `releaseDate: ${q(release.releasedAt)}`,
    ...(release.releaseNotes ? [`releaseNotes: ${q(release.releaseNotes)}`] : []),
    '',
  ].join('\n');

/** Where the hub keeps the installers it serves itself: <data dir>/releases/<partner id>/. */
export const releaseFileOf = (releasesDir: string, partnerId: string, fileName: string): string => path.join(releasesDir, partnerId, fileName);

export interface PublishReleaseInput {
  readonly partnerName: string;
  readonly platform: AppPlatform;
  readonly version: string;
  readonly file: string;
  /** Devices download from here instead of from the hub (the hub still checks size and hash). */
  readonly url?: string | undefined;
  readonly releaseNotes?: string | undefined;
  readonly releasesDir: string;
  readonly now?: Date;
}

const sha512Base64 = async (file: string): Promise<string> => {
  const hash = crypto.createHash('sha512');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
};

/** Records a release for one partner and platform (replacing the previous one), copying the installer unless a URL is given. */
export const publishAppRelease = async (store: HubStore, input: PublishReleaseInput): Promise<AppRelease> => {
  if (!semverPattern.test(input.version)) throw new Error(`Not a version electron-updater understands (x.y.z): ${input.version}`);
  const partner = await store.findPartnerByName(input.partnerName);
  if (!partner) throw new Error(`No partner named "${input.partnerName}"`);
  if (!fs.existsSync(input.file) || !fs.statSync(input.file).isFile()) throw new Error(`No installer at ${input.file}`);
  const fileName = path.basename(input.file);
  if (!fileNamePattern.test(fileName)) throw new Error(`Rename the installer: "${fileName}" has characters a download URL cannot carry plainly`);
  if (input.url !== undefined && !/^https?:\/\//.test(input.url)) throw new Error(`--url must be an http(s) URL: ${input.url}`);
  const release: AppRelease = {
    partnerId: partner.id,
    platform: input.platform,
    version: input.version,
    fileName,
    url: input.url ?? null,
    sha512: await sha512Base64(input.file),
    size: fs.statSync(input.file).size,
    releaseNotes: (input.releaseNotes ?? '').slice(0, 5000),
    releasedAt: (input.now ?? new Date()).toISOString(),
  };
  if (!input.url) {
    const target = releaseFileOf(input.releasesDir, partner.id, fileName);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.copyFileSync(input.file, `${target}.partial`);
    fs.renameSync(`${target}.partial`, target);
  }
  await store.putAppRelease(release);
  return release;
};
