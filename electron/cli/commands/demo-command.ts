import { Command } from 'commander';
import type { ApiClient } from '../../../shared/contract/api-client';
import type { Question } from '../../../shared/interview/bank-schema';
import type { AnswerValue } from '../../../shared/interview/answer-values';
import { bankQuestions } from '../../../shared/interview/parse-bank';
import { printJson, withDataDir, withSession } from '../cli-context';
import { ApiFailure } from '../../../shared/contract/result';

const demoFacts: Record<string, number> = { 'strategy.user_count': 85, 'strategy.device_count': 110, 'strategy.site_count': 2 };

/** A middling, varied answer: the demo customer should look like a typical SMB, neither ready nor lost. */
const demoAnswer = (question: Question, index: number): AnswerValue | undefined => {
  switch (question.type) {
    case 'single':
      return question.options[Math.min(question.options.length - 1, (index % 3) + 1)]?.id;
    case 'multi':
      return question.options.slice(0, 1 + (index % 2)).map((o) => o.id);
    case 'scale':
      return Math.round((question.min + question.max) / 2) + (index % 2);
    case 'yes_no_unknown':
      return index % 3 === 0 ? 'no' : index % 7 === 0 ? null : 'yes';
    case 'number': {
      if (demoFacts[question.id] !== undefined) return demoFacts[question.id];
      const band = question.bands?.[Math.floor((question.bands.length - 1) / 2)];
      if (band?.min !== undefined && band.max !== undefined) return (band.min + band.max) / 2;
      return band?.min ?? question.minValue ?? undefined;
    }
    case 'text':
      return undefined;
  }
};

const answerInterview = async (api: ApiClient, caseId: string): Promise<void> => {
  const bank = await api.getActiveQuestionBank({});
  let index = 0;
  for (const { question } of bankQuestions(bank)) {
    const value = demoAnswer(question, index);
    index += 1;
    // A question hidden by an earlier answer, or a value a bank refuses, is simply skipped;
    // anything else (a broken database) stops the demo with its error.
    if (value !== undefined) {
      await api.answerQuestion({ caseId, questionId: question.id, value }).catch((error: unknown) => {
        if (!(error instanceof ApiFailure) || error.code === 'internal') throw error;
      });
    }
  }
};

/** A sample customer with two visits and an answered interview, so a newcomer opens a populated app. */
export const demoCommand = (): Command =>
  withDataDir(new Command('demo'))
    .description('create a sample customer and cases to explore the app')
    .option('--json', 'print the created cases as JSON')
    .action(async (opts: { dataDir?: string; json?: boolean }) => {
      await withSession(opts, async ({ api }) => {
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
        await answerInterview(api, first.id);
        const second = await api.createCase({
          customerName: 'Northwind Traders (demo)',
          siteName: 'Warehouse',
          engineer: 'Demo Engineer',
          title: 'Warehouse network check',
        });
        const cases = [await api.getCase({ id: first.id }), second];
        if (opts.json) printJson(cases);
        else process.stdout.write(`Created ${cases.length} demo cases for ${first.customerName}, one with an answered interview\n`);
      });
    });
