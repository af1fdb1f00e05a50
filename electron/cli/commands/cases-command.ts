import { Command, InvalidArgumentError } from 'commander';
import { caseStatusLabels, type CaseSummary } from '../../../shared/domain/cases';
import { printJson, withDataDir, withSession } from '../cli-context';

const describe = (c: CaseSummary): string =>
  [
    c.id,
    caseStatusLabels[c.status].padEnd(11),
    c.customerName,
    c.siteName ? `(${c.siteName})` : '',
    // Another engineer's case, pulled from the hub: read-only on this laptop.
    c.partner ? `[partner case${c.ownerName ? ` on ${c.ownerName}` : ''}]` : '',
    c.archived ? '[archived]' : '',
  ]
    .filter(Boolean)
    .join('  ');

const parsePositiveInteger = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of 1 or more');
  return n;
};

export const casesCommand = (): Command => {
  const cases = new Command('cases').description('list, create and show cases (engagements)');

  withDataDir(cases.command('list'))
    .description('list cases, newest first')
    .option('--all', 'include archived cases')
    .option('--search <text>', 'only cases whose customer, site, title or engineer contains the text')
    .option('--limit <n>', 'at most this many, newest first', parsePositiveInteger)
    .option('--json', 'print JSON')
    .action(async (opts: { dataDir?: string; all?: boolean; search?: string; limit?: number; json?: boolean }) => {
      await withSession(opts, async ({ api }) => {
        const list = await api.listCases({ includeArchived: opts.all ?? false, search: opts.search ?? '', limit: opts.limit });
        if (opts.json) printJson(list);
        else if (list.length === 0) process.stdout.write('No cases yet. Create one with: groundwork cases create --customer NAME\n');
        else process.stdout.write(`${list.map(describe).join('\n')}\n`);
      });
    });

  withDataDir(cases.command('create'))
    .description('open a case for a customer (the customer and site are created if new)')
    .requiredOption('--customer <name>', "the customer's name")
    .option('--site <name>', 'the site visited')
    .option('--address <text>', "the site's address")
    .option('--engineer <name>', 'the engineer running the assessment')
    .option('--title <text>', 'a title for the engagement')
    .option('--json', 'print the new case as JSON')
    .action(
      async (opts: { dataDir?: string; customer: string; site?: string; address?: string; engineer?: string; title?: string; json?: boolean }) => {
        await withSession(opts, async ({ api }) => {
          const created = await api.createCase({
            customerName: opts.customer,
            siteName: opts.site ?? '',
            siteAddress: opts.address ?? '',
            engineer: opts.engineer ?? '',
            title: opts.title ?? '',
          });
          if (opts.json) printJson(created);
          else process.stdout.write(`Created case ${created.id} for ${created.customerName}\n`);
        });
      },
    );

  withDataDir(cases.command('show'))
    .description('show one case')
    .argument('<id>', 'the case id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { dataDir?: string; json?: boolean }) => {
      await withSession(opts, async ({ api }) => {
        const found = await api.getCase({ id });
        if (opts.json) printJson(found);
        else {
          process.stdout.write(`${describe(found)}\n`);
          if (found.engineer) process.stdout.write(`Engineer: ${found.engineer}\n`);
          if (found.partner) process.stdout.write(`Owner: ${found.ownerName || 'another laptop of the partner'} (read-only here: the engineer's laptop owns it)\n`);
          else if (found.ownerName) process.stdout.write(`Owner: this laptop (${found.ownerName})\n`);
          if (found.completedAt) process.stdout.write(`Completed ${found.completedAt.slice(0, 10)}${found.completedBy ? ` by ${found.completedBy}` : ''}\n`);
          for (const contact of found.contacts) process.stdout.write(`Contact: ${contact.name} ${contact.role} ${contact.email}\n`);
        }
      });
    });

  return cases;
};
