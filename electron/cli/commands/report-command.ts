import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { reportFormats, reportKinds, type ReportFormat, type ReportKind } from '../../../shared/reports/report-model';
import { measurementAttachmentName } from '../../../shared/reports/measurement-attachment';
import { printJson, withDataDir, withSession } from '../cli-context';

export const reportCommand = (): Command => {
  const report = withDataDir(new Command('report'))
    .description("export a case's report: executive readiness, technical findings or proposal")
    .requiredOption('--case <id>', 'the case id')
    .addOption(new Option('--kind <kind>', 'which report').choices(reportKinds).makeOptionMandatory())
    .addOption(new Option('--format <format>', 'file format (csv: proposal lines only)').choices(reportFormats).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write the report')
    .option('--json', 'print the export record as JSON')
    .action(async (opts: { dataDir?: string; case: string; kind: ReportKind; format: ReportFormat; out: string; json?: boolean }) => {
      await withSession(opts, async ({ api }) => {
        const result = await api.exportReport({ caseId: opts.case, kind: opts.kind, format: opts.format });
        const out = path.resolve(opts.out);
        // Written next to the target and renamed, so a failed export never leaves half a file.
        const partial = `${out}.partial-${process.pid}`;
        fs.writeFileSync(partial, Buffer.from(result.base64, 'base64'));
        fs.renameSync(partial, out);
        // The measurements travel beside the report as machine-readable JSON.
        const attachment = result.attachment ? path.join(path.dirname(out), measurementAttachmentName(path.basename(out))) : null;
        if (attachment && result.attachment) fs.writeFileSync(attachment, result.attachment.text, 'utf8');
        if (opts.json) printJson({ ...result.record, file: out, ...(attachment ? { attachment } : {}) });
        else process.stdout.write(`Wrote ${out} (${result.record.bytes} bytes, sha256 ${result.record.sha256})${attachment ? ` and ${attachment}` : ''}\n`);
      });
    });
  return report;
};
