import { useState } from 'react';
import type { Stakeholder } from '../../../shared/interview/bank-schema';
import type { ImportAnswersResult } from '../../../shared/questionnaire/questionnaire-schemas';
import { EmptyState, ErrorState, QueryView } from '../../components/query-state';
import { useText } from '../../i18n/app-intl';
import { stakeholderIds } from '../../i18n/label-ids';
import { download } from '../reports/use-reports';
import { QuestionnaireLinks } from './questionnaire-links';
import { useExportDocx, useExportForm, useImportAnswers, useQuestionnaires, type AnswersUpload } from './use-questionnaires';

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

const ImportOutcome = ({ result, onOverwrite }: { result: ImportAnswersResult; onOverwrite: () => void }) => {
  const { t, rich } = useText();
  return (
    <div className="state" role="status">
      {result.alreadyImported ? (
        <p>{t('qstatus.alreadyImported')}</p>
      ) : (
        <p>
          {rich('qstatus.imported', { count: result.imported.length, respondent: <span dir="auto">{result.respondent}</span>, stakeholder: t(stakeholderIds[result.stakeholder]) })}
        </p>
      )}
      {result.keptEngineerAnswers.length > 0 && (
        <p>
          {t('qstatus.kept', { count: result.keptEngineerAnswers.length })}{' '}
          <button type="button" className="button button-quiet" onClick={onOverwrite}>
            {t('qstatus.takeCustomer')}
          </button>
        </p>
      )}
    </div>
  );
};

/** What was sent to whom, what came back, what is open; download forms, import answers. */
export const QuestionnaireStatus = ({ caseId }: { caseId: string }) => {
  const list = useQuestionnaires(caseId);
  const exportForm = useExportForm();
  const exportDocx = useExportDocx();
  const importAnswers = useImportAnswers(caseId);
  const [lastUpload, setLastUpload] = useState<AnswersUpload | null>(null);
  const { t, dateTime } = useText();

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
      <h2 id="questionnaire-status-title">{t('qstatus.title')}</h2>
      <QueryView query={list}>
        {(questionnaires) =>
          questionnaires.length === 0 ? (
            <EmptyState title={t('qstatus.none')} />
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('qstatus.col.created')}</th>
                  <th scope="col">{t('qstatus.col.for')}</th>
                  <th scope="col">{t('qstatus.col.questions')}</th>
                  <th scope="col">{t('qstatus.col.cameBack')}</th>
                  <th scope="col">{t('qstatus.col.stillOpen')}</th>
                  <th scope="col">{t('qstatus.col.form')}</th>
                </tr>
              </thead>
              <tbody>
                {questionnaires.flatMap((q) =>
                  q.recipients.map((r) => (
                    <tr key={`${q.id}:${r.stakeholder}`}>
                      <td>{dateTime(q.createdAt, true)}</td>
                      <td>{t(stakeholderIds[r.stakeholder])}</td>
                      <td>{r.questionCount}</td>
                      <td>
                        {r.returned.length === 0
                          ? t('qstatus.notYet')
                          : r.returned.map((x) => (
                              <div key={`${x.respondent}:${x.submittedAt}`} dir="auto">
                                {t('qstatus.returned', { respondent: x.respondent, when: dateTime(x.submittedAt, true) })}
                              </div>
                            ))}
                      </td>
                      <td>{r.openCount}</td>
                      <td>
                        <button type="button" className="button button-quiet" onClick={() => downloadForm('html', q.id, r.stakeholder)}>
                          {t('qstatus.download')}
                        </button>
                        <button type="button" className="button button-quiet" onClick={() => downloadForm('docx', q.id, r.stakeholder)}>
                          {t('qstatus.word')}
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
        <label htmlFor="questionnaire-import">{t('qstatus.import')}</label>
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
