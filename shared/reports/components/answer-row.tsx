/** @jsxRuntime automatic @jsxImportSource react */
import type { AnswerSource } from '../report-source';
import { AttachmentList } from './captured-evidence';
import { useReportText } from './report-text';

/** One question, its answer, how it was obtained, and what the engineer noted or attached to it. */
export const AnswerRow = ({ answer: a }: { answer: AnswerSource }) => {
  const { t } = useReportText();
  return (
  <tr>
    <td className="gw-q">{a.question}</td>
    <td>
      {a.answer}
      {a.note ? <span className="gw-muted"> — {a.note}</span> : null}
      {a.engineerNote ? (
        <p className="gw-answer-note">
          <span className="gw-label">{t('finding.note')} </span>
          {a.engineerNote}
        </p>
      ) : null}
      <AttachmentList attachments={a.attachments} />
    </td>
  </tr>
  );
};
