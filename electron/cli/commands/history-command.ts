import { Command, Option } from 'commander';
import { ApiFailure } from '../../../shared/contract/result';
import { caseOwnerships, caseStatuses, caseStatusLabels, type CaseOwnership, type CaseStatus } from '../../../shared/domain/cases';
import { historySorts, type HistoryQuery, type HistoryRow, type HistorySort } from '../../../shared/history/history-schemas';
import { readinessLevelLabels, readinessLevels, type ReadinessLevel } from '../../../shared/interview/bank-schema';
import { printJson, withDataDir, withSession } from '../cli-context';

interface HistoryFlags {
  dataDir?: string;
  passphraseFile?: string;
  search?: string;
  engineer?: string;
  cases: CaseOwnership;
  from?: string;
  to?: string;
  level?: string[];
  status?: string[];
  pillar?: string;
  below?: string;
  customer?: string;
  archived: boolean;
  sort: HistorySort;
  limit: string;
  offset: string;
  json?: boolean;
}

/** `--level chaser,laggard` and `--level chaser --level laggard` both work; anything else is refused by name. */
const listOf = <T extends string>(flag: string, values: string[] | undefined, allowed: readonly T[]): T[] => {
  const words = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const word of words) {
    if (!(allowed as readonly string[]).includes(word)) throw new ApiFailure('validation', `${flag}: unknown value "${word}" (one of: ${allowed.join(', ')})`);
  }
  return [...new Set(words)] as T[];
};

const wholeNumber = (flag: string, text: string): number => {
  if (!/^\d{1,9}$/.test(text)) throw new ApiFailure('validation', `${flag}: "${text}" is not a whole number`);
  return Number(text);
};

/** The same query the History screen sends (history:search), built from the command line. */
export const historyQueryFrom = (opts: HistoryFlags, words: string[]): HistoryQuery => {
  if (Boolean(opts.pillar) !== Boolean(opts.below)) throw new ApiFailure('validation', 'Give --pillar and --below together (cases whose pillar scores below a value).');
  let pillarBelow: HistoryQuery['pillarBelow'];
  if (opts.pillar && opts.below) {
    const score = Number(opts.below);
    if (!/^\d{1,3}(\.\d+)?$/.test(opts.below) || score > 100) throw new ApiFailure('validation', `--below: "${opts.below}" is not a score from 0 to 100`);
    pillarBelow = { pillarId: opts.pillar, score };
  }
  return {
    text: [opts.search ?? '', ...words].join(' ').trim(),
    engineer: opts.engineer ?? '',
    ...(opts.from ? { from: opts.from } : {}),
    ...(opts.to ? { to: opts.to } : {}),
    levels: listOf<ReadinessLevel>('--level', opts.level, readinessLevels),
    statuses: listOf<CaseStatus>('--status', opts.status, caseStatuses),
    ...(pillarBelow ? { pillarBelow } : {}),
    ...(opts.customer ? { customerId: opts.customer } : {}),
    ownership: opts.cases,
    includeArchived: opts.archived,
    sort: opts.sort,
    limit: wholeNumber('--limit', opts.limit),
    offset: wholeNumber('--offset', opts.offset),
  };
};

const describe = (r: HistoryRow): string =>
  [
    r.id,
    r.createdAt.slice(0, 10),
    `${r.customerName}${r.siteName ? ` (${r.siteName})` : ''}`,
    r.level ? `${readinessLevelLabels[r.level]}${r.readinessIndex === null ? '' : ` (index ${r.readinessIndex})`}` : 'not scored',
    caseStatusLabels[r.status],
    r.engineer ? `engineer ${r.engineer}` : '',
    // Whose laptop owns it: a partner case is read-only here.
    r.partner ? `[partner case${r.ownerName ? ` on ${r.ownerName}` : ''}]` : '',
    r.archived ? '[archived]' : '',
  ]
    .filter(Boolean)
    .join('  ');

export const historyCommand = (): Command =>
  withDataDir(new Command('history'))
    .description('search past engagements with the History screen\'s filters: text, engineer, mine / partner, dates, level, status, weak pillar')
    .argument('[text...]', 'words to search for (customer, site, title, engineer, answers and notes)')
    .option('--search <text>', 'the same as giving the words as arguments')
    .option('--engineer <name>', "only this engineer's cases")
    .addOption(new Option('--cases <which>', 'mine (made on this laptop), partner (other engineers\', from the hub) or all').choices(caseOwnerships).default('all'))
    .option('--from <date>', 'created on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'created on or before this day (YYYY-MM-DD)')
    .option('--level <level...>', `readiness level: ${readinessLevels.join(', ')} (several, or comma-separated)`)
    .option('--status <status...>', `case status: ${caseStatuses.join(', ')}`)
    .option('--pillar <id>', 'with --below: cases whose score on this pillar is below a value')
    .option('--below <score>', 'with --pillar: the score (0–100)')
    .option('--customer <id>', "only this customer's cases (the customer id)")
    .option('--no-archived', 'leave archived cases out')
    .addOption(new Option('--sort <order>', 'order of the rows').choices(historySorts).default('created_desc'))
    .option('--limit <n>', 'at most this many rows (1–500)', '100')
    .option('--offset <n>', 'skip this many rows first (paging)', '0')
    .option('--json', 'print the page as JSON: { total, offset, rows }')
    .action(async (words: string[], opts: HistoryFlags) => {
      const query = historyQueryFrom(opts, words);
      await withSession(opts, async ({ api }) => {
        const page = await api.searchHistory(query);
        if (opts.json) return printJson(page);
        if (page.total === 0) return void process.stdout.write('No engagement matches.\n');
        if (page.rows.length === 0) return void process.stdout.write(`No rows after the first ${page.offset}: ${page.total} engagements match.\n`);
        process.stdout.write(`${page.rows.map(describe).join('\n')}\n`);
        const shown = page.rows.length;
        process.stdout.write(shown === page.total ? `${page.total} engagement${page.total === 1 ? '' : 's'}\n` : `${page.offset + 1}–${page.offset + shown} of ${page.total} engagements\n`);
      });
    });
