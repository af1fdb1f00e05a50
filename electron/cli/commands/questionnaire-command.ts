import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { ApiFailure } from '../../../shared/contract/result';
import { stakeholderLabels, stakeholderSchema, type Stakeholder } from '../../../shared/interview/bank-schema';
import { decodeAnswersFile } from '../../services/questionnaire/import-answers';
import { printJson, withDataDir, withSession } from '../cli-context';

const stakeholderList = (values: string[]): Stakeholder[] =>
  values.map((v) => {
    const parsed = stakeholderSchema.safeParse(v);
    if (!parsed.success) throw new ApiFailure('validation', `Unknown stakeholder ${v} (one of: ${stakeholderSchema.options.join(', ')})`);
    return parsed.data;
  });

const readFile = (file: string): Uint8Array => {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApiFailure('not_found', code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file} (${code ?? 'error'})`);
  }
};

const createCommand = () =>
  withDataDir(new Command('create'))
    .description('a pre-visit questionnaire for some stakeholders (every self-service question asked of them)')
    .requiredOption('--case <id>', 'the case')
    .requiredOption('--stakeholder <name...>', `who fills it in: ${stakeholderSchema.options.join(', ')}`)
    .option('--question <id...>', 'only these questions (default: every self-service question for those stakeholders)')
    .option('--message <text>', 'a cover message at the top of each form', '')
    .option('--json', 'print the questionnaire as JSON')
    .action(async (opts: { case: string; stakeholder: string[]; question?: string[]; message: string; json?: boolean; dataDir?: string }) => {
      await withSession(opts, async ({ api }) => {
        const created = await api.createQuestionnaire({
          caseId: opts.case,
          stakeholders: stakeholderList(opts.stakeholder),
          ...(opts.question ? { questionIds: opts.question } : {}),
          coverMessage: opts.message,
        });
        if (opts.json) printJson(created);
        else {
          process.stdout.write(`Questionnaire ${created.id}:\n`);
          for (const r of created.recipients) process.stdout.write(`  ${stakeholderLabels[r.stakeholder]}: ${r.questionCount} questions\n`);
        }
      });
    });

const listCommand = () =>
  withDataDir(new Command('list'))
    .description("a case's questionnaires: sent to whom, what came back, what is open")
    .requiredOption('--case <id>', 'the case')
    .option('--json', 'print as JSON')
    .action(async (opts: { case: string; json?: boolean; dataDir?: string }) => {
      await withSession(opts, async ({ api }) => {
        const list = await api.listQuestionnaires({ caseId: opts.case });
        if (opts.json) return printJson(list);
        if (list.length === 0) process.stdout.write('No questionnaires for this case.\n');
        for (const q of list) {
          process.stdout.write(`${q.id} (${q.createdAt.slice(0, 10)})\n`);
          for (const r of q.recipients) {
            const back = r.returned.length ? `returned by ${r.returned.map((x) => x.respondent).join(', ')}` : 'not returned yet';
            process.stdout.write(`  ${stakeholderLabels[r.stakeholder]}: ${r.questionCount} questions, ${back}, ${r.openCount} still open\n`);
          }
        }
      });
    });

const formCommand = () =>
  withDataDir(new Command('form'))
    .description("write one stakeholder's form: an offline HTML page, or an editable Word document")
    .requiredOption('--questionnaire <id>', 'the questionnaire')
    .requiredOption('--stakeholder <name>', 'whose form')
    .addOption(new Option('--format <format>', 'html or docx').choices(['html', 'docx']).default('html'))
    .option('--out <file>', 'where to write it (default: the suggested name in this folder)')
    .action(async (opts: { questionnaire: string; stakeholder: string; format: 'html' | 'docx'; out?: string; dataDir?: string }) => {
      const [stakeholder] = stakeholderList([opts.stakeholder]);
      const input = { questionnaireId: opts.questionnaire, stakeholder: stakeholder as Stakeholder };
      await withSession(opts, async ({ api }) => {
        const form = opts.format === 'docx' ? await api.exportQuestionnaireDocx(input) : await api.exportQuestionnaireForm(input);
        const out = opts.out ?? path.resolve(form.fileName);
        fs.writeFileSync(out, 'html' in form ? form.html : Buffer.from(form.base64, 'base64'));
        process.stdout.write(`${out}\n`);
      });
    });

const importAnswersCommand = () =>
  withDataDir(new Command('import'))
    .description("import a customer's answers file or filled Word form as customer-provided answers")
    .argument('<file>', 'the answers file the HTML form saved, or the filled .docx')
    .requiredOption('--case <id>', 'the case')
    .option('--overwrite', 'replace answers the engineer already gave (kept by default)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { case: string; overwrite?: boolean; json?: boolean; dataDir?: string }) => {
      const bytes = readFile(file);
      const isDocx = bytes[0] === 0x50 && bytes[1] === 0x4b;
      let text = '';
      try {
        if (!isDocx) text = decodeAnswersFile(bytes);
      } catch (error) {
        throw new ApiFailure('validation', `${file} is not text in UTF-8 or UTF-16 (${(error as Error).message}). Nothing was imported.`);
      }
      await withSession(opts, async ({ api }) => {
        const overwrite = opts.overwrite ?? false;
        const result = isDocx
          ? await api.importQuestionnaireDocx({ caseId: opts.case, docxBase64: Buffer.from(bytes).toString('base64'), overwrite })
          : await api.importQuestionnaireAnswers({ caseId: opts.case, fileText: text, overwrite });
        if (opts.json) return printJson(result);
        if (result.alreadyImported) return void process.stdout.write('This file was imported before: nothing changed.\n');
        process.stdout.write(`Imported ${result.imported.length} answers from ${result.respondent} (${stakeholderLabels[result.stakeholder]}).\n`);
        if (result.keptEngineerAnswers.length) {
          process.stdout.write(`Kept your own answers to ${result.keptEngineerAnswers.join(', ')} (use --overwrite to take the customer's).\n`);
        }
      });
    });

export const questionnaireCommand = (): Command =>
  new Command('questionnaire')
    .description('pre-visit questionnaires the customer fills in: create, list, form, import')
    .addCommand(createCommand())
    .addCommand(listCommand())
    .addCommand(formCommand())
    .addCommand(importAnswersCommand());
