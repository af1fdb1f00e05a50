import { Command } from 'commander';
import { printJson, withDataDir, withSession } from '../cli-context';

/** A sample customer with two visits, so a newcomer opens a populated app. */
export const demoCommand = (): Command =>
  withDataDir(new Command('demo'))
    .description('create a sample customer and cases to explore the app')
    .option('--json', 'print the created cases as JSON')
    .action(async (opts: { dataDir?: string; json?: boolean }) => {
      await withSession(opts.dataDir, async ({ api }) => {
        const first = await api.createCase({
          customerName: 'Northwind Traders (demo)',
          siteName: 'Head office',
          siteAddress: '12 Harbour Road, Leeds',
          engineer: 'Demo Engineer',
          title: 'AI readiness assessment',
          contacts: [
            { name: 'Priya Shah', role: 'IT lead', email: 'priya.shah@northwind.example', phone: '' },
            { name: 'Tom Berger', role: 'Finance director', email: 'tom.berger@northwind.example', phone: '' },
          ],
        });
        await api.updateCase({ id: first.id, status: 'in_progress' });
        const second = await api.createCase({
          customerName: 'Northwind Traders (demo)',
          siteName: 'Warehouse',
          engineer: 'Demo Engineer',
          title: 'Warehouse network check',
        });
        const cases = [await api.getCase({ id: first.id }), second];
        if (opts.json) printJson(cases);
        else process.stdout.write(`Created ${cases.length} demo cases for ${first.customerName}\n`);
      });
    });
