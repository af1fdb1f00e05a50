import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tuneSync } from '../../../electron/services/sync/sync-services';
import type { HistoryPage } from '../../../shared/history/history-schemas';
import { docxPart, docxText, fold } from '../reports/document-tools';
import type { ProposalRecord } from '../../../shared/domain/proposals';
import { enrollCode, hubCliOk, HubProcess, runHubCli, type HubLocation } from '../../support/hub-process';
import { useHubStores } from '../../support/hub-stores';
import { runCli } from '../../support/run-cli';
import { openTestServices, type TestServices } from '../../support/services';
import { answerEverything } from '../reports/full-case';

const stores = useHubStores();
const fastRetry = { retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 } };

/**
 * The account manager's desk from the command line: an engineer's case synced through a real hub
 * process, then searched, shown and proposed on with bin/groundwork run against the account
 * manager's data dir, as a person or a script would.
 */
describe('groundwork history / cases show / proposal on the account manager laptop', () => {
  let where: HubLocation;
  let hub: HubProcess;
  const dirs: string[] = [];
  let deskDir = '';
  let adaCase = '';
  let ownCase = '';
  const dir = () => {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-desk-cli-'));
    dirs.push(made);
    return made;
  };

  const laptop = async (dataDir: string, role: string, name: string): Promise<TestServices> => {
    const t = openTestServices(dataDir);
    tuneSync(t.services, { ...fastRetry, batchSize: 200 });
    await t.api.enrollDevice({ hubUrl: hub.url, code: enrollCode(where, 'Acme IT', role), deviceName: name });
    return t;
  };
  const close = async (t: TestServices) => {
    await t.services.pdf.close();
    t.services.close();
  };

  beforeAll(async () => {
    where = await stores.location('sqlite');
    hubCliOk(where, ['partner', 'create', '--name', 'Acme IT']);
    hub = await HubProcess.start(where);
    const ada = await laptop(dir(), 'engineer', 'ada-laptop');
    const created = await ada.api.createCase({ customerName: 'Contoso Dental', siteName: 'Head office', engineer: 'Ada' });
    adaCase = created.id;
    await answerEverything(ada.api, adaCase);
    await ada.api.syncNow({});
    await close(ada);

    deskDir = dir();
    const desk = await laptop(deskDir, 'account-manager', 'amy-desk');
    await desk.api.syncNow({});
    ownCase = (await desk.api.createCase({ customerName: 'Fabrikam Foods', engineer: 'Amy' })).id;
    await close(desk);
  }, 120_000);
  afterAll(async () => {
    await hub?.kill('SIGTERM');
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  const cli = (args: string[]) => runCli([...args, '--data-dir', deskDir]);
  const ok = (args: string[]) => {
    const r = cli(args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout;
  };

  it('searches History with the screen’s filters, mine / partner and engineer included, as text and JSON', () => {
    const all = JSON.parse(ok(['history', '--json'])) as HistoryPage;
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => [r.customerName, r.engineer, r.partner, r.ownerName]).sort()).toEqual([
      ['Contoso Dental', 'Ada', true, 'ada-laptop'],
      ['Fabrikam Foods', 'Amy', false, ''],
    ]);
    // The partner case was scored from its synced answers, like on the engineer's laptop.
    const contoso = all.rows.find((r) => r.id === adaCase)!;
    expect(contoso.level).not.toBeNull();
    expect(contoso.readinessIndex).toBeGreaterThanOrEqual(0);

    const ids = (args: string[]) => (JSON.parse(ok(['history', ...args, '--json'])) as HistoryPage).rows.map((r) => r.id);
    expect(ids(['--cases', 'partner'])).toEqual([adaCase]);
    expect(ids(['--cases', 'mine'])).toEqual([ownCase]);
    expect(ids(['--engineer', 'Ada'])).toEqual([adaCase]);
    expect(ids(['contoso'])).toEqual([adaCase]);
    expect(ids(['--search', 'fabrikam'])).toEqual([ownCase]);
    expect(ids(['--level', contoso.level!])).toEqual([adaCase]);
    expect(ids(['--status', 'draft'])).toEqual([ownCase]);
    expect(ids(['--status', 'in_progress,complete'])).toEqual([adaCase]);
    expect(ids(['--to', '2000-01-01'])).toEqual([]);
    expect(ids(['--sort', 'customer_asc'])).toEqual([adaCase, ownCase]);
    expect(ids(['--sort', 'customer_asc', '--limit', '1', '--offset', '1'])).toEqual([ownCase]);

    const text = ok(['history', '--cases', 'partner']);
    expect(text).toContain('Contoso Dental (Head office)');
    expect(text).toContain('engineer Ada');
    expect(text).toContain('[partner case on ada-laptop]');
    expect(text).toMatch(/1 engagement\n$/);
    expect(text).not.toMatch(/null|undefined|NaN/);
    expect(ok(['history', 'zqxjv'])).toBe('No engagement matches.\n');
  }, 300_000);

  it('refuses a bad filter value with a clear message and exit 2, never a stack trace', () => {
    for (const [args, message] of [
      [['--level', 'superstar'], /--level: unknown value "superstar" \(one of: pacesetter, chaser, follower, laggard\)/],
      [['--status', 'done'], /--status: unknown value "done"/],
      [['--cases', 'theirs'], /argument 'theirs' is invalid.*mine/s],
      [['--sort', 'random'], /argument 'random' is invalid/],
      [['--from', '1 May 2026'], /from: a date as YYYY-MM-DD/],
      [['--limit', 'ten'], /--limit: "ten" is not a whole number/],
      [['--limit', '0'], /limit/],
      [['--pillar', 'data'], /Give --pillar and --below together/],
      [['--pillar', 'data', '--below', 'low'], /--below: "low" is not a score from 0 to 100/],
      [['--customer', 'not-an-id'], /customerId/],
    ] as const) {
      const r = cli(['history', ...args]);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  }, 300_000);

  it('shows a partner case with its owner, read-only; an unknown case id exits 2', () => {
    const shown = ok(['cases', 'show', adaCase]);
    expect(shown).toContain('Contoso Dental');
    expect(shown).toContain('Engineer: Ada');
    expect(shown).toMatch(/Owner: ada-laptop \(read-only here/);
    expect(JSON.parse(ok(['cases', 'show', adaCase, '--json']))).toMatchObject({ id: adaCase, partner: true, ownerName: 'ada-laptop', engineer: 'Ada' });
    expect(ok(['cases', 'list'])).toContain('[partner case on ada-laptop]');
    expect(ok(['cases', 'show', ownCase])).not.toContain('Owner:');

    const unknown = cli(['cases', 'show', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^groundwork: No case with id 0{8}-/);
    const malformed = cli(['cases', 'show', 'case-1']);
    expect(malformed.status).toBe(2);
    // And the engineer's case refuses changes here (the laptop's guard, through the same contract).
    const answered = cli(['answer', '--case', adaCase, '--question', 'x', '--value', 'yes']);
    expect(answered.status).not.toBe(0);
  }, 300_000);

  it('creates a proposal from a partner case’s findings, lists it and exports the proposal as Word and PDF', () => {
    const created = JSON.parse(ok(['proposal', 'create', '--case', adaCase, '--title', 'Contoso roadmap', '--json'])) as ProposalRecord;
    expect(created).toMatchObject({ caseId: adaCase, title: 'Contoso roadmap', status: 'draft', author: 'amy-desk', readOnly: false });
    const listed = JSON.parse(ok(['proposal', 'list', '--case', adaCase, '--json'])) as ProposalRecord[];
    expect(listed.map((p) => p.id)).toEqual([created.id]);
    const text = ok(['proposal', 'list', '--case', adaCase]);
    expect(text).toContain('Draft');
    expect(text).toContain('Contoso roadmap  by amy-desk');
    expect(text).toMatch(/One-time [A-Z]{3} [\d,.]+, monthly [A-Z]{3} [\d,.]+/);
    expect(text).not.toMatch(/null|undefined|NaN/);
    expect(ok(['proposal', 'list', '--case', ownCase])).toMatch(/^No proposal on this case yet/);

    const out = dirs[0]!;
    for (const [format, magic] of [
      ['docx', 'PK'],
      ['pdf', '%PDF-'],
    ] as const) {
      const file = path.join(out, `proposal.${format}`);
      const record = JSON.parse(ok(['proposal', 'export', '--case', adaCase, '--format', format, '--out', file, '--json'])) as { kind: string; format: string; bytes: number; file: string };
      expect(record).toMatchObject({ kind: 'proposal', format, file });
      const bytes = fs.readFileSync(file);
      expect(bytes.length).toBe(record.bytes);
      expect(bytes.subarray(0, magic.length).toString()).toBe(magic);
    }
    // The case's only proposal is the one printed: its title is the document's subtitle (upper case on the cover).
    const wordText = (file: string) => fold(docxText(docxPart(file, 'word/document.xml'))).toUpperCase();
    expect(wordText(path.join(out, 'proposal.docx'))).toContain('CONTOSO ROADMAP');
    // With two, the one named; without a name the export refuses (below) rather than guess.
    const second = JSON.parse(ok(['proposal', 'create', '--case', adaCase, '--title', 'Contoso, smaller first step', '--json'])) as ProposalRecord;
    const named = path.join(out, 'named.docx');
    ok(['proposal', 'export', '--case', adaCase, '--format', 'docx', '--proposal', second.id, '--out', named]);
    expect(wordText(named)).toContain('CONTOSO, SMALLER FIRST STEP');

    for (const [args, message] of [
      [['proposal', 'create', '--case', '00000000-0000-4000-8000-000000000000'], /No case with id/],
      [['proposal', 'list', '--case', 'nope'], /caseId/],
      [['proposal', 'export', '--case', adaCase, '--format', 'odt', '--out', path.join(out, 'x')], /argument 'odt' is invalid/],
      [['proposal', 'export', '--case', adaCase, '--format', 'docx', '--out', path.join(out, 'x')], /This case has 2 proposals; name one with --proposal: .*Contoso roadmap/],
      [['proposal', 'export', '--case', ownCase, '--format', 'docx', '--proposal', second.id, '--out', path.join(out, 'x')], /That proposal belongs to another case/],
      [['proposal', 'create'], /required option '--case <id>'/],
      [['proposal', 'lsit'], /Did you mean: groundwork proposal list\?/],
    ] as const) {
      const r = cli([...args]);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.status, args.join(' ')).toBe(2);
    }
    expect(fs.existsSync(path.join(out, 'x'))).toBe(false);
  }, 300_000);

  it('--help of the new commands lists the exit codes', () => {
    for (const args of [['history'], ['proposal'], ['proposal', 'export']]) {
      const help = runCli([...args, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/Exit codes:\n\s+0\s+done\n\s+1\s+failed.*\n\s+2\s+refused/);
    }
  }, 300_000);
});

describe('groundwork-hub prints JSON for every command that prints data', () => {
  let where: HubLocation;
  const made: string[] = [];
  beforeAll(async () => {
    where = await stores.location('sqlite');
  });
  afterAll(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });
  const json = <T>(args: string[]): T => JSON.parse(hubCliOk(where, [...args, '--json'])) as T;

  it('partner, enroll-code, devices, cases, release and backup', () => {
    const partner = json<{ id: string; name: string }>(['partner', 'create', '--name', 'Acme IT']);
    expect(partner.name).toBe('Acme IT');
    expect(json<{ id: string; name: string }[]>(['partner', 'list'])).toEqual([expect.objectContaining({ id: partner.id, name: 'Acme IT' })]);
    const code = json<{ code: string; role: string; expiresAt: string }>(['enroll-code', '--partner', 'Acme IT', '--role', 'account-manager']);
    expect(code).toMatchObject({ role: 'account-manager', partner: 'Acme IT' });
    expect(code.code).toMatch(/^GW(-[0-9A-Z]{4}){4}$/);
    expect(json<unknown[]>(['devices', 'list'])).toEqual([]);
    expect(json<unknown[]>(['cases', 'list', '--partner', 'Acme IT'])).toEqual([]);

    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-hub-json-'));
    made.push(work);
    const installer = path.join(work, 'Groundwork-1.2.3.AppImage');
    fs.writeFileSync(installer, Buffer.alloc(4096, 7));
    const release = json<{ version: string; size: number; platform: string; channelFile: string; sha512: string }>(
      ['release', 'publish', installer, '--partner', 'Acme IT', '--platform', 'linux', '--version', '1.2.3'],
    );
    expect(release).toMatchObject({ version: '1.2.3', size: 4096, platform: 'linux', channelFile: 'latest-linux.yml' });
    const backupFile = path.join(work, 'hub-backup.sqlite');
    const backup = json<{ file: string; bytes: number }>(['backup', backupFile]);
    expect(backup.file).toBe(backupFile);
    expect(backup.bytes).toBe(fs.statSync(backupFile).size);

    // A mistake is still one plain line on stderr, nothing half-printed on stdout.
    const nobody = runHubCli(where, ['cases', 'list', '--partner', 'Nobody', '--json']);
    expect(nobody.status).toBe(1);
    expect(nobody.stdout).toBe('');
    expect(nobody.stderr).toMatch(/No partner named "Nobody"/);
    const badPlatform = runHubCli(where, ['release', 'publish', installer, '--partner', 'Acme IT', '--platform', 'amiga', '--version', '1.2.4', '--json']);
    expect(badPlatform.status).toBe(2);
  }, 300_000);
});
