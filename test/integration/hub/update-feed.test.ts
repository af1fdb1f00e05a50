import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCode, hubCliOk, HubProcess, runHubCli, type HubLocation } from '../../support/hub-process';
import { useHubStores } from '../../support/hub-stores';
import { tempDir } from '../../support/temp-dir';

// The feed is read here by electron-updater's own parser and file resolver (the code the app runs),
// not by a reading of ours: what it accepts, the app accepts.
const require = createRequire(import.meta.url);
const { parseUpdateInfo, resolveFiles } = require('electron-updater/out/providers/Provider.js') as {
  parseUpdateInfo: (raw: string, channelFile: string, channelFileUrl: URL) => {
    version: string;
    files: Array<{ url: string; sha512: string; size?: number }>;
    releaseNotes?: string | null;
    releaseDate: string;
  };
  resolveFiles: (info: unknown, baseUrl: URL) => Array<{ url: URL; info: { sha512: string; size?: number } }>;
};

const stores = useHubStores();

describe('the hub serves each partner the app update feed electron-updater reads', () => {
  let where: HubLocation;
  let hub: HubProcess;
  beforeAll(async () => {
    where = await stores.location('sqlite');
    hub = await HubProcess.start(where);
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hubCliOk(where, ['partner', 'create', '--name', 'Other MSP']);
  });
  afterAll(async () => {
    await hub?.kill('SIGTERM');
  });

  const tokenFor = async (partner: string): Promise<string> => {
    const response = await fetch(`${hub.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: enrollCode(where, partner, 'engineer'), deviceName: `${partner} laptop`, localDeviceId: crypto.randomUUID() }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  };

  it('a published installer is offered to that partner only, and downloads with the size and SHA-512 the feed states', async () => {
    const installer = path.join(tempDir(), 'Groundwork-1.4.2.AppImage');
    fs.writeFileSync(installer, crypto.randomBytes(300_000));
    // Release notes that would be YAML syntax if written unquoted.
    const notes = 'Fixes: "quotes", a: colon\n- a dash line\n# not a comment';
    hubCliOk(where, ['release', 'publish', installer, '--partner', 'Acme IT', '--platform', 'linux', '--version', '1.4.2', '--notes', notes]);

    const token = await tokenFor('Acme IT');
    const feedUrl = new URL(`${hub.url}/v1/updates/latest-linux.yml`);
    const served = await fetch(feedUrl, { headers: { authorization: `Bearer ${token}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/yaml/);
    const info = parseUpdateInfo(await served.text(), 'latest-linux.yml', feedUrl);
    expect(info.version).toBe('1.4.2');
    expect(info.releaseNotes).toBe(notes);
    expect(Number.isNaN(Date.parse(info.releaseDate))).toBe(false);

    const [file] = resolveFiles(info, new URL(`${hub.url}/v1/updates/`));
    expect(file).toBeDefined();
    const download = await fetch(file!.url, { headers: { authorization: `Bearer ${token}` } });
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(file!.info.size);
    expect(crypto.createHash('sha512').update(bytes).digest('base64')).toBe(file!.info.sha512);
    expect(bytes.equals(fs.readFileSync(installer))).toBe(true);

    // Another partner's device sees no release, and neither the file; no token, no feed.
    const other = await tokenFor('Other MSP');
    expect((await fetch(feedUrl, { headers: { authorization: `Bearer ${other}` } })).status).toBe(404);
    expect((await fetch(file!.url, { headers: { authorization: `Bearer ${other}` } })).status).toBe(404);
    expect((await fetch(feedUrl)).status).toBe(401);
    // A platform with nothing published, and a channel file that is not one.
    expect((await fetch(`${hub.url}/v1/updates/latest-mac.yml`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
    expect((await fetch(`${hub.url}/v1/updates/..%2Fetc%2Fpasswd`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it('refuses a version electron-updater would never offer, and a missing installer, with the reason', () => {
    const installer = path.join(tempDir(), 'Groundwork.AppImage');
    fs.writeFileSync(installer, 'x');
    const badVersion = runHubCli(where, ['release', 'publish', installer, '--partner', 'Acme IT', '--platform', 'linux', '--version', 'v2']);
    expect(badVersion.status).not.toBe(0);
    expect(badVersion.stderr).toMatch(/Not a version electron-updater understands/);
    const missing = runHubCli(where, ['release', 'publish', `${installer}.gone`, '--partner', 'Acme IT', '--platform', 'linux', '--version', '2.0.0']);
    expect(missing.stderr).toMatch(/No installer at/);
  });
});
