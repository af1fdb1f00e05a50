/** @jsxRuntime automatic @jsxImportSource react */
import type { AnswerSource } from '../report-source';
import { AttachmentList } from './captured-evidence';

/** One question, its answer, how it was obtained, and what the engineer noted or attached to it. */
export const AnswerRow = ({ answer: a }: { answer: AnswerSource }) => (
  <tr>
    <td className="gw-q">{a.question}</td>
    <td>
      {a.answer}
      {a.note ? <span className="gw-muted"> — {a.note}</span> : null}
      {a.engineerNote ? (
        <p className="gw-answer-note">
          <span className="gw-label">Note: </span>
          {a.engineerNote}
        </p>
      ) : null}
      <AttachmentList attachments={a.attachments} />
    </td>
  </tr>
);
