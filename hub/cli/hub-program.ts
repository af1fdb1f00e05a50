import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import { hubRoles, type HubRole } from '../../shared/sync/protocol';
import { exitTwoOnUsageErrors, listExitCodesInHelp, type ExitCode } from '../../shared/cli/command-hygiene';
import { buildHubServer } from '../server/hub-server';
import { createHubLog } from '../server/hub-log';
import { startResponsivenessListener } from '../server/responsiveness-listener';
import type { HubStore } from '../store/hub-store';
import { openHubStore } from '../store/open-hub-store';
import { backupSqliteStore } from '../store/backup-store';
import { appPlatforms, channelFiles, publishAppRelease, type AppPlatform } from '../updates/update-feed';
import { createEnrollCode, createPartner, parseDuration } from '../sync/hub-service';
import { publishQuestionBank } from '../sync/publish-reference';
import { reassignCase, transferDeviceCases } from '../sync/reassign';

const defaultDataDir = (): string => process.env.GROUNDWORK_HUB_DATA_DIR ?? path.join(os.homedir(), '.groundwork-hub');

const withStoreOptions = (command: Command): Command =>
  command.addOption(
    new Option('--data-dir <dir>', 'where the embedded SQLite store lives (default: GROUNDWORK_HUB_DATA_DIR or ~/.groundwork-hub); DATABASE_URL selects PostgreSQL instead'),
  );

const withStore = async <T>(opts: { dataDir?: string }, run: (store: HubStore) => Promise<T>): Promise<T> => {
  const store = await openHubStore({ dataDir: opts.dataDir ?? defaultDataDir(), databaseUrl: process.env.DATABASE_URL });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
};

const say = (text: string): void => void process.stdout.write(`${text}\n`);
const json = (value: unknown): string => JSON.stringify(value, null, 2);

const partnerNamed = async (store: HubStore, name: string) => {
  const found = await store.findPartnerByName(name.trim());
  if (!found) throw new Error(`No partner named "${name}"`);
  return found;
};

/** What every groundwork-hub command's exit status means (hub/main.ts maps errors to them). */
export const hubExitCodes: readonly ExitCode[] = [
  { code: 0, meaning: 'done (serve: stopped by SIGTERM or SIGINT)' },
  { code: 1, meaning: 'failed: the store, a file, the port or the input stopped it' },
  { code: 2, meaning: 'refused: unknown command or option, or a missing or invalid value' },
];

const parsePort = (text: string): number => {
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Not a port: ${text}`);
  return port;
};

export const buildHubProgram = (): Command => {
  const program = new Command('groundwork-hub')
    .description("Groundwork partner hub: devices sync their cases here; the partner's reference data goes out from here.")
    .showHelpAfterError('(run with --help for usage)');

  withStoreOptions(program.command('serve'))
    .description('run the hub (HTTP API under /v1/, /healthz, /metrics)')
    .option('--port <port>', 'TCP port', '8787')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--cert <file>', 'TLS certificate (PEM); with --key the hub speaks HTTPS')
    .option('--key <file>', 'TLS private key (PEM)')
    .option(
      '--max-clock-skew <duration>',
      "refuse pushed changes stamped further ahead of the hub's clock than this (e.g. 5m, 1h; default GROUNDWORK_HUB_MAX_CLOCK_SKEW or 5m)",
    )
    .option(
      '--responsiveness-port <port>',
      "also serve the responsiveness test (draft-ietf-ippm-responsiveness, HTTP/2) on this port, so laptops measure the segment to the hub (default GROUNDWORK_HUB_RESPONSIVENESS_PORT, else off)",
    )
    .action(async (opts: { dataDir?: string; port: string; host: string; cert?: string; key?: string; maxClockSkew?: string; responsivenessPort?: string }) => {
      if (Boolean(opts.cert) !== Boolean(opts.key)) throw new Error('Give both --cert and --key for TLS, or neither.');
      const port = parsePort(opts.port);
      const rpmPortText = opts.responsivenessPort ?? (process.env.GROUNDWORK_HUB_RESPONSIVENESS_PORT || undefined);
      const rpmPort = rpmPortText === undefined ? undefined : parsePort(rpmPortText);
      const log = createHubLog();
      const store = await openHubStore({
        dataDir: opts.dataDir ?? defaultDataDir(),
        databaseUrl: process.env.DATABASE_URL,
        onConnectionError: (error) => log.warn({ err: error }, 'database connection lost; the next query reconnects'),
      });
      // A store failure is answered per request (503); nothing that escapes a request may end the process.
      process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection; the hub keeps serving'));
      const https = opts.cert && opts.key ? { cert: fs.readFileSync(opts.cert), key: fs.readFileSync(opts.key) } : undefined;
      const maxClockSkewMs = parseDuration(opts.maxClockSkew ?? (process.env.GROUNDWORK_HUB_MAX_CLOCK_SKEW || '5m'));
      const releasesDir = path.join(opts.dataDir ?? defaultDataDir(), 'releases');
      const rpm = rpmPort === undefined ? undefined : await startResponsivenessListener({ host: opts.host, port: rpmPort, https, log });
      const app = buildHubServer({
        store,
        https,
        log,
        releasesDir,
        metricsToken: process.env.GROUNDWORK_HUB_METRICS_TOKEN || undefined,
        maxClockSkewMs,
        responsiveness: rpm ? { port: rpm.port, scheme: rpm.scheme } : undefined,
      });
      if (rpm) say(`groundwork-hub responsiveness test on ${rpm.scheme}://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${rpm.port}/.well-known/nq`);
      const address = await app.listen({ port, host: opts.host });
      say(`groundwork-hub listening on ${address} (store: ${store.dialect})`);
      let stopping = false;
      // Graceful: stop accepting, let in-flight pushes finish (each is one transaction), close the
      // pool, flush the log. A hub that cannot finish within the grace period exits non-zero.
      const stop = async (signal: string): Promise<void> => {
        if (stopping) return;
        stopping = true;
        log.info({ signal }, 'shutting down: finishing requests in flight');
        const force = setTimeout(() => {
          log.error('requests still running after 20 s; exiting anyway');
          log.flush();
          process.exit(1);
        }, 20_000);
        force.unref();
        await app.close();
        await rpm?.close();
        await store.close();
        log.info('stopped cleanly');
        log.flush(() => process.exit(0));
      };
      process.once('SIGTERM', () => void stop('SIGTERM'));
      process.once('SIGINT', () => void stop('SIGINT'));
    });

  withStoreOptions(program.command('backup'))
    .description('copy the embedded SQLite store to a file while the hub runs (PostgreSQL: use pg_dump)')
    .argument('<file>', 'the backup file to write (must not exist)')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { dataDir?: string; json?: boolean }) => {
      if (process.env.DATABASE_URL) throw new Error('DATABASE_URL is set: back up PostgreSQL with pg_dump (see hub/README.md).');
      const { bytes } = await backupSqliteStore(opts.dataDir ?? defaultDataDir(), path.resolve(file));
      say(opts.json ? json({ file: path.resolve(file), bytes }) : `Backed up the hub store to ${path.resolve(file)} (${bytes} bytes)`);
    });

  const release = program.command('release').description("the desktop app version a partner's engineers are offered (update feed /v1/updates/)");
  withStoreOptions(release.command('publish'))
    .description('offer an installer to every device of the partner on its next update check')
    .argument('<installer>', 'the installer electron-builder made (Windows NSIS .exe, macOS .zip, Linux .AppImage)')
    .requiredOption('--partner <name>', 'the partner whose devices get it')
    .addOption(new Option('--platform <platform>', 'which devices it is for').choices([...appPlatforms]).makeOptionMandatory())
    .requiredOption('--version <version>', "the app's version (x.y.z, as in its package.json)")
    .option('--url <url>', 'devices download it from here instead of from the hub (a file server, object storage)')
    .option('--notes <text>', 'release notes shown to the engineer')
    .option('--json', 'print JSON')
    .action(async (installer: string, opts: { dataDir?: string; partner: string; platform: AppPlatform; version: string; url?: string; notes?: string; json?: boolean }) => {
      await withStore(opts, async (store) => {
        const published = await publishAppRelease(store, {
          partnerName: opts.partner,
          platform: opts.platform,
          version: opts.version,
          file: path.resolve(installer),
          url: opts.url,
          releaseNotes: opts.notes,
          releasesDir: path.join(opts.dataDir ?? defaultDataDir(), 'releases'),
        });
        if (opts.json) return say(json({ ...published, partner: opts.partner, platform: opts.platform, channelFile: channelFiles[opts.platform] }));
        say(`Published ${published.fileName} ${published.version} for ${opts.platform} devices of "${opts.partner}" (${channelFiles[opts.platform]}, ${published.size} bytes)`);
      });
    });

  const partner = program.command('partner').description('manage partners (each one a separate, isolated tenant)');
  withStoreOptions(partner.command('create'))
    .description('create a partner')
    .requiredOption('--name <name>', "the partner's name")
    .option('--json', 'print JSON')
    .action(async (opts: { dataDir?: string; name: string; json?: boolean }) => {
      await withStore(opts, async (store) => {
        const created = await createPartner(store, opts.name);
        say(opts.json ? json(created) : `Created partner "${created.name}" (${created.id})`);
      });
    });
  withStoreOptions(partner.command('list'))
    .description('list partners')
    .option('--json', 'print JSON')
    .action(async (opts: { dataDir?: string; json?: boolean }) => {
      await withStore(opts, async (store) => {
        const list = await store.listPartners();
        if (opts.json) say(json(list));
        else for (const p of list) say(`${p.id}  ${p.name}`);
      });
    });

  withStoreOptions(program.command('enroll-code'))
    .description('create a one-time enrollment code for a device (printed as the last line)')
    .requiredOption('--partner <name>', 'the partner the device will belong to')
    .addOption(new Option('--role <role>', 'what the device may see').choices([...hubRoles]).makeOptionMandatory())
    .option('--expires <duration>', 'how long the code stays valid (e.g. 30m, 24h, 7d)', '7d')
    .option('--json', 'print JSON')
    .action(async (opts: { dataDir?: string; partner: string; role: HubRole; expires: string; json?: boolean }) => {
      await withStore(opts, async (store) => {
        const { code, expiresAt } = await createEnrollCode(store, opts.partner, opts.role, parseDuration(opts.expires));
        if (opts.json) return say(json({ code, role: opts.role, partner: opts.partner, expiresAt }));
        say(`One-time ${opts.role} code for "${opts.partner}", valid until ${expiresAt}. On the device: groundwork enroll --hub URL --code CODE`);
        say(code);
      });
    });

  const devices = program.command('devices').description('enrolled devices');
  withStoreOptions(devices.command('list'))
    .description('list enrolled devices')
    .option('--partner <name>', 'only this partner')
    .option('--json', 'print JSON')
    .action(async (opts: { dataDir?: string; partner?: string; json?: boolean }) => {
      await withStore(opts, async (store) => {
        let partnerId: string | null = null;
        if (opts.partner) {
          const found = await store.findPartnerByName(opts.partner);
          if (!found) throw new Error(`No partner named "${opts.partner}"`);
          partnerId = found.id;
        }
        const list = await store.listDevices(partnerId);
        if (opts.json) say(json(list));
        else if (list.length === 0) say('No devices enrolled.');
        else
          for (const d of list)
            say([d.id, d.partnerName, d.role.padEnd(15), d.name, d.revokedAt ? `[revoked ${d.revokedAt}]` : `last seen ${d.lastSeenAt ?? 'never'}`].join('  '));
      });
    });
  withStoreOptions(devices.command('revoke'))
    .description("revoke a device's access (its token stops working at once)")
    .argument('<device-id>', 'the device id (see devices list)')
    .option('--transfer-to <device>', "a replaced laptop: the new laptop (id or name) takes over every case the old one owned")
    .option('--json', 'print JSON')
    .action(async (deviceId: string, opts: { dataDir?: string; transferTo?: string; json?: boolean }) => {
      await withStore(opts, async (store) => {
        const old = (await store.listDevices(null)).find((d) => d.id === deviceId && d.revokedAt === null);
        if (!old) throw new Error(`No active device with id ${deviceId}`);
        const moved = opts.transferTo ? await transferDeviceCases(store, old.partnerId, deviceId, opts.transferTo) : [];
        if (!(await store.revokeDevice(deviceId, new Date().toISOString()))) throw new Error(`No active device with id ${deviceId}`);
        if (opts.json) say(json({ revoked: deviceId, transferredCases: moved.map((m) => m.caseId) }));
        else say(`Revoked device ${deviceId}${opts.transferTo ? `; ${moved.length} case${moved.length === 1 ? '' : 's'} moved to ${opts.transferTo}` : ''}`);
      });
    });

  const cases = program.command('cases').description("the partner's cases as the hub holds them");
  withStoreOptions(cases.command('list'))
    .description('list the cases of a partner with their owner laptop')
    .requiredOption('--partner <name>', 'the partner')
    .option('--json', 'print JSON')
    .action(async (opts: { dataDir?: string; partner: string; json?: boolean }) => {
      await withStore(opts, async (store) => {
        const partner = await partnerNamed(store, opts.partner);
        const devices = new Map((await store.listDevices(partner.id)).map((d) => [d.id, d.name]));
        const list = (await store.records(partner.id))
          .filter((r) => r.table === 'cases' && !r.deleted)
          .map((r) => ({ id: r.rowId, title: String(r.fields.title ?? ''), engineer: String(r.fields.engineer ?? ''), status: String(r.fields.status ?? 'draft'), ownerDevice: r.ownerDevice, ownerName: devices.get(r.ownerDevice) ?? '' }));
        if (opts.json) say(json(list));
        else if (list.length === 0) say('No cases yet.');
        else for (const c of list) say([c.id, c.status.padEnd(11), c.ownerName, c.engineer, c.title].join('  '));
      });
    });
  withStoreOptions(cases.command('reassign'))
    .description("hand a case to another engineer's laptop (it takes the case over on its next sync)")
    .requiredOption('--partner <name>', 'the partner')
    .requiredOption('--case <id>', 'the case id (see cases list)')
    .requiredOption('--to <device>', "the new owner's laptop (device id or name)")
    .option('--engineer <name>', "the engineer's name to put on the case")
    .option('--json', 'print JSON')
    .action(async (opts: { dataDir?: string; partner: string; case: string; to: string; engineer?: string; json?: boolean }) => {
      await withStore(opts, async (store) => {
        const partner = await partnerNamed(store, opts.partner);
        const handover = await reassignCase(store, partner.id, opts.case, opts.to, { engineer: opts.engineer });
        if (opts.json) say(json(handover));
        else say(handover.movedRows === 0 ? `Case ${opts.case} already belongs to ${opts.to}; nothing changed.` : `Case ${opts.case} handed to ${opts.to} (${handover.movedRows} rows).`);
      });
    });

  const bank = program.command('bank').description("question bank versions pushed to every device of a partner");
  withStoreOptions(bank.command('publish'))
    .description('validate a question bank (JSON) and publish it to every device of the partner')
    .argument('<file>', 'the question bank JSON (see docs/question-bank.md)')
    .requiredOption('--partner <name>', 'the partner whose devices get it')
    .option('--no-activate', 'install it on devices without making it the bank new cases use')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { dataDir?: string; partner: string; activate: boolean; json?: boolean }) => {
      let bankJson: unknown;
      try {
        bankJson = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      await withStore(opts, async (store) => {
        const partner = await store.findPartnerByName(opts.partner);
        if (!partner) throw new Error(`No partner named ${opts.partner}`);
        const published = await publishQuestionBank(store, partner.id, bankJson, opts.activate);
        if (opts.json) return say(json(published));
        say(`Published question bank ${published.bankId} ${published.version} to ${partner.name} (change ${published.changeSeq})`);
      });
    });

  exitTwoOnUsageErrors(program, (code) => process.exit(code));
  listExitCodesInHelp(program, hubExitCodes);
  return program;
};
