import { useId, useState } from 'react';
import type { EvidenceRecord } from '../../../shared/interview/api-schemas';
import { maxEvidenceBytes } from '../../../shared/interview/api-schemas';
import { errorText } from '../../components/query-state';
import { useAddEvidence } from './use-interview';
import { useText, type AppText } from '../../i18n/app-intl';

const readBase64 = (file: File, unreadable: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(unreadable));
    reader.readAsDataURL(file);
  });

/** A file size in the app's language (« 1,5 Mio »). */
export const sizeText = ({ t, number }: AppText, bytes: number): string =>
  bytes < 1024
    ? t('size.bytes', { n: number(bytes) })
    : bytes < 1024 * 1024
      ? t('size.kib', { n: number(Math.round(bytes / 1024)) })
      : t('size.mib', { n: number(bytes / 1024 / 1024, 1) });

/** Photos, screenshots or files for one question, stored by their sha256. */
export const EvidencePanel = ({
  caseId,
  questionId,
  items,
  expected,
  onAdded,
}: {
  caseId: string;
  questionId: string;
  items: readonly EvidenceRecord[];
  expected: boolean;
  onAdded: (record: EvidenceRecord) => void;
}) => {
  const id = useId();
  const add = useAddEvidence(caseId);
  const [problem, setProblem] = useState<string | null>(null);
  const text = useText();
  const { t } = text;

  const attach = async (files: FileList | null) => {
    setProblem(null);
    for (const file of Array.from(files ?? [])) {
      if (file.size > maxEvidenceBytes) {
        setProblem(t('evidence.tooLarge', { file: file.name, max: text.number(maxEvidenceBytes / 1024 / 1024) }));
        continue;
      }
      try {
        const record = await add.mutateAsync({
          questionId,
          fileName: file.name,
          mediaType: file.type || 'application/octet-stream',
          dataBase64: await readBase64(file, t('evidence.unreadable')),
        });
        onAdded(record);
      } catch (error) {
        setProblem(t('evidence.failed', { file: file.name, reason: errorText(error, t) }));
      }
    }
  };

  return (
    <div className="evidence">
      <label htmlFor={id} className="evidence-label">
        {t('evidence.label', { expected: expected ? 'yes' : 'no' })}
      </label>
      <input id={id} type="file" multiple className="evidence-input" onChange={(e) => void attach(e.target.files)} disabled={add.isPending} />
      {items.length > 0 && (
        <ul className="plain-list evidence-list">
          {items.map((item) => (
            <li key={item.id}>
              <span className="clip" dir="auto">
                {item.fileName}
              </span>{' '}
              <span className="muted">
                {sizeText(text, item.sizeBytes)} · <code title={item.sha256}>{item.sha256.slice(0, 10)}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
};
