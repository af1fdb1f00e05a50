import { Command } from 'commander';
import { describeValue, parseTypedValue } from '../../../shared/interview/answer-values';
import { ApiFailure } from '../../../shared/contract/result';
import { findQuestion } from '../../../shared/interview/parse-bank';
import { printJson, withDataDir, withSession } from '../cli-context';

/** Records one answer through the same call, and so the same validation, as the app's autosave. */
export const answerCommand = (): Command =>
  withDataDir(new Command('answer'))
    .description('record an interview answer for a case (options by id or number; "unknown" for don\'t know)')
    .requiredOption('--case <id>', 'the case id')
    .requiredOption('--question <id>', 'the question id, e.g. security.mfa (see `groundwork bank`)')
    .option('--value <value>', 'the answer: an option id or its number, a comma list for multi, a number, yes/no/unknown, or text')
    .option('--note <text>', 'a note to keep with the answer')
    .option('--measured', 'mark the value as measured by a probe')
    .option('--json', 'print the acknowledgement as JSON')
    .action(async (opts: { dataDir?: string; case: string; question: string; value?: string; note?: string; measured?: boolean; json?: boolean }) => {
      if (opts.value === undefined && opts.note === undefined) throw new ApiFailure('validation', 'Give --value, --note or both');
      await withSession(opts, async ({ api }) => {
        const { bank } = await api.getInterviewBank({ caseId: opts.case });
        const found = findQuestion(bank, opts.question);
        if (!found) throw new ApiFailure('validation', `No question ${opts.question} in question bank ${bank.id} ${bank.version}`);
        const results: unknown[] = [];
        if (opts.value !== undefined) {
          const ack = await api.answerQuestion({
            caseId: opts.case,
            questionId: opts.question,
            value: parseTypedValue(found.question, opts.value),
            measured: opts.measured ?? false,
          });
          results.push(ack);
          if (!opts.json) process.stdout.write(`Saved ${opts.question}: ${describeValue(found.question, ack.value)}\n`);
        }
        if (opts.note !== undefined) {
          results.push(await api.setAnswerNote({ caseId: opts.case, questionId: opts.question, note: opts.note }));
          if (!opts.json) process.stdout.write(`Saved the note on ${opts.question}\n`);
        }
        if (opts.json) printJson(results.length === 1 ? results[0] : results);
      });
    });
