import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { proposalStatusLabels, type ProposalRecord } from '../../../shared/domain/proposals';
import { formatMoney } from '../../../shared/reports/format';
import { ApiFailure } from '../../../shared/contract/result';
import type { ApiClient } from '../../../shared/contract/api-client';
import { printJson, withDataDir, withSession } from '../cli-context';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

const printProposal = (p: ProposalRecord): void => {
  say(`${p.id}  ${proposalStatusLabels[p.status].padEnd(8)}  ${p.title}${p.author ? `  by ${p.author}` : ''}`);
  for (const line of p.lines) {
    const each = formatMoney(line.unitPriceMinor, p.currency);
    say(`    ${String(line.quantity).padStart(5)} × ${line.description} (${line.sku}) at ${each}${line.recurring ? ' a month' : ''}`);
  }
  if (p.lines.length === 0) say('    No lines: no finding of this case asks for a priced item.');
  const discount = p.discountBasisPoints > 0 ? ` after ${p.discountBasisPoints / 100} % discount` : '';
  say(`    One-time ${formatMoney(p.oneTimeMinor, p.currency)}, monthly ${formatMoney(p.monthlyMinor, p.currency)}${discount}${p.readOnly ? ' (read-only on this laptop)' : ''}`);
};

const createCommand = () =>
  withDataDir(new Command('create'))
    .description("a draft proposal from the case's findings: price book lines, quantities from the case's facts")
    .requiredOption('--case <id>', 'the case id')
    .option('--title <text>', 'the proposal\'s title (default: "Proposal for CUSTOMER")')
    .option('--json', 'print the proposal as JSON')
    .action(async (opts: { dataDir?: string; case: string; title?: string; json?: boolean }) => {
      await withSession(opts, async ({ api }) => {
        const created = await api.createProposal({ caseId: opts.case, title: opts.title ?? '' });
        if (opts.json) printJson(created);
        else printProposal(created);
      });
    });

const listCommand = () =>
  withDataDir(new Command('list'))
    .description("a case's proposals with their lines, status and totals")
    .requiredOption('--case <id>', 'the case id')
    .option('--json', 'print JSON')
    .action(async (opts: { dataDir?: string; case: string; json?: boolean }) => {
      await withSession(opts, async ({ api }) => {
        const list = await api.listProposals({ caseId: opts.case });
        if (opts.json) return printJson(list);
        if (list.length === 0) say(`No proposal on this case yet. Make one with: groundwork proposal create --case ${opts.case}`);
        for (const p of list) printProposal(p);
      });
    });

/**
 * Which saved proposal `export` prints when none is named: the case's only one. With several, the
 * engineer must say which (guessing could send the customer a superseded offer); with none, the
 * document is built from the findings, as before proposals were saved.
 */
const onlyProposalOf = async (api: ApiClient, caseId: string): Promise<string | undefined> => {
  const saved = await api.listProposals({ caseId });
  if (saved.length <= 1) return saved[0]?.id;
  throw new ApiFailure('validation', `This case has ${saved.length} proposals; name one with --proposal: ${saved.map((p) => `${p.id} (${p.title})`).join(', ')}`);
};

const exportCommand = () =>
  withDataDir(new Command('export'))
    .description("the case's proposal document (Word or PDF), recorded with the case's other exports")
    .requiredOption('--case <id>', 'the case id')
    .addOption(new Option('--format <format>', 'file format').choices(['docx', 'pdf'] as const).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write it')
    .option('--proposal <id>', "the saved proposal to print (its lines, prices, discount and terms); the case's only one when it has one; from the findings when it has none")
    .option('--json', 'print the export record as JSON')
    .action(async (opts: { dataDir?: string; case: string; format: 'docx' | 'pdf'; out: string; proposal?: string; json?: boolean }) => {
      await withSession(opts, async ({ api }) => {
        const proposalId = opts.proposal ?? (await onlyProposalOf(api, opts.case));
        const result = await api.exportReport({ caseId: opts.case, kind: 'proposal', format: opts.format, ...(proposalId ? { proposalId } : {}) });
        const out = path.resolve(opts.out);
        // Written beside the target and renamed, so a failed export never leaves half a file.
        const partial = `${out}.partial-${process.pid}`;
        fs.writeFileSync(partial, Buffer.from(result.base64, 'base64'));
        fs.renameSync(partial, out);
        if (opts.json) printJson({ ...result.record, file: out });
        else say(`Wrote ${out} (${result.record.bytes} bytes, sha256 ${result.record.sha256})`);
      });
    });

export const proposalCommand = (): Command =>
  new Command('proposal')
    .description("proposals on a case: create one from its findings, list them, export the proposal document")
    .addCommand(createCommand())
    .addCommand(listCommand())
    .addCommand(exportCommand());
