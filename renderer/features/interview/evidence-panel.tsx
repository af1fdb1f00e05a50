import { useId, useState } from 'react';
import type { EvidenceRecord } from '../../../shared/interview/api-schemas';
import { maxEvidenceBytes } from '../../../shared/interview/api-schemas';
import { errorText } from '../../components/query-state';
import { useAddEvidence } from './use-interview';

const readBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsDataURL(file);
  });

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

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

  const attach = async (files: FileList | null) => {
    setProblem(null);
    for (const file of Array.from(files ?? [])) {
      if (file.size > maxEvidenceBytes) {
        setProblem(`${file.name} is larger than ${maxEvidenceBytes / 1024 / 1024} MiB`);
        continue;
      }
      try {
        const record = await add.mutateAsync({
          questionId,
          fileName: file.name,
          mediaType: file.type || 'application/octet-stream',
          dataBase64: await readBase64(file),
        });
        onAdded(record);
      } catch (error) {
        setProblem(`${file.name}: ${errorText(error)}`);
      }
    }
  };

  return (
    <div className="evidence">
      <label htmlFor={id} className="evidence-label">
        Evidence{expected ? ' (expected for this question)' : ''}
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
                {size(item.sizeBytes)} · <code title={item.sha256}>{item.sha256.slice(0, 10)}</code>
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
