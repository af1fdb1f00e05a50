import { useState } from 'react';
import { stakeholderLabels, type Stakeholder } from '../../../shared/interview/bank-schema';
import type { ImportAnswersResult } from '../../../shared/questionnaire/questionnaire-schemas';
import { EmptyState, ErrorState, QueryView } from '../../components/query-state';
import { download } from '../reports/use-reports';
import { QuestionnaireLinks } from './questionnaire-links';
import { useExportDocx, useExportForm, useImportAnswers, useQuestionnaires, type AnswersUpload } from './use-questionnaires';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const bytesToBase64 = (bytes: Uint8Array) => {
  let binary = '';
  // In slices: a spread of a whole form's bytes would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
const toBase64 = (text: string) => bytesToBase64(new TextEncoder().encode(text));

/** A DOCX is a zip ("PK"); anything else is read as the HTML form's JSON answers file. */
const readUpload = async (file: File): Promise<AnswersUpload> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return { kind: 'docx', docxBase64: bytesToBase64(bytes) };
  return { kind: 'json', fileText: await file.text() };
};

const ImportOutcome = ({ result, onOverwrite }: { result: ImportAnswersResult; onOverwrite: () => void }) => (
  <div className="state" role="status">
    {result.alreadyImported ? (
      <p>This answers file was imported before: nothing changed.</p>
    ) : (
      <p dir="auto">
        Imported {result.imported.length} answers from {result.respondent} ({stakeholderLabels[result.stakeholder]}).
      </p>
    )}
    {result.keptEngineerAnswers.length > 0 && (
      <p>
        {result.keptEngineerAnswers.length} questions you had already answered were kept.{' '}
        <button type="button" className="button button-quiet" onClick={onOverwrite}>
          Take the customer&apos;s answers instead
        </button>
      </p>
    )}
  </div>
);

/** What was sent to whom, what came back, what is open; download forms, import answers. */
export const QuestionnaireStatus = ({ caseId }: { caseId: string }) => {
  const list = useQuestionnaires(caseId);
  const exportForm = useExportForm();
  const exportDocx = useExportDocx();
  const importAnswers = useImportAnswers(caseId);
  const [lastUpload, setLastUpload] = useState<AnswersUpload | null>(null);

  const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const downloadForm = (format: 'html' | 'docx', questionnaireId: string, stakeholder: Stakeholder) => {
    const input = { questionnaireId, stakeholder };
    if (format === 'html') exportForm.mutate(input, { onSuccess: (form) => download(form.fileName, 'text/html', toBase64(form.html)) });
    else exportDocx.mutate(input, { onSuccess: (form) => download(form.fileName, docxMime, form.base64) });
  };

  const importUpload = (upload: AnswersUpload, overwrite: boolean) => {
    setLastUpload(upload);
    importAnswers.mutate({ upload, overwrite });
  };

  return (
    <section className="card" aria-labelledby="questionnaire-status-title">
      <h2 id="questionnaire-status-title">Questionnaires</h2>
      <QueryView query={list}>
        {(questionnaires) =>
          questionnaires.length === 0 ? (
            <EmptyState title="Nothing sent yet" />
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">For</th>
                  <th scope="col">Questions</th>
                  <th scope="col">Came back</th>
                  <th scope="col">Still open</th>
                  <th scope="col">Form</th>
                </tr>
              </thead>
              <tbody>
                {questionnaires.flatMap((q) =>
                  q.recipients.map((r) => (
                    <tr key={`${q.id}:${r.stakeholder}`}>
                      <td>{when(q.createdAt)}</td>
                      <td>{stakeholderLabels[r.stakeholder]}</td>
                      <td>{r.questionCount}</td>
                      <td dir="auto">{r.returned.length === 0 ? 'Not yet' : r.returned.map((x) => `${x.respondent}, ${when(x.submittedAt)}`).join('; ')}</td>
                      <td>{r.openCount}</td>
                      <td>
                        <button type="button" className="button button-quiet" onClick={() => downloadForm('html', q.id, r.stakeholder)}>
                          Download form
                        </button>
                        <button type="button" className="button button-quiet" onClick={() => downloadForm('docx', q.id, r.stakeholder)}>
                          Word form
                        </button>
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          )
        }
      </QueryView>
      {list.data?.map((q) => (
        <QuestionnaireLinks key={q.id} questionnaire={q} caseId={caseId} />
      ))}
      {exportForm.isError && <ErrorState error={exportForm.error} />}
      {exportDocx.isError && <ErrorState error={exportDocx.error} />}
      <div className="field">
        <label htmlFor="questionnaire-import">Import an answers file or a filled Word form</label>
        <input
          id="questionnaire-import"
          type="file"
          accept=".json,.docx,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void readUpload(file).then((upload) => importUpload(upload, false));
          }}
        />
      </div>
      {importAnswers.isError && <ErrorState error={importAnswers.error} />}
      {importAnswers.data && <ImportOutcome result={importAnswers.data} onOverwrite={() => lastUpload && importUpload(lastUpload, true)} />}
    </section>
  );
};
