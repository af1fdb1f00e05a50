/** @jsxRuntime automatic @jsxImportSource react */
import type { AttachmentSource } from '../report-source';
import type { Translator } from '../../i18n/translator';
import { useReportText } from './report-text';

/** Only images we read ourselves (PNG, JPEG as base64) reach an <img>. */
export const safeImageUri = (uri: string): string | null => (/^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/.test(uri) ? uri : null);

export const fileSizeText = ({ t, intl }: Translator, bytes: number): string =>
  bytes >= 1024 * 1024
    ? t('attachment.size.mb', { size: intl.formatNumber(bytes / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })
    : t('attachment.size.kb', { size: intl.formatNumber(Math.max(1, Math.round(bytes / 1024))) });

/** Images as thumbnails with their caption; every file by name, size and SHA-256, so the customer can check it. */
export const AttachmentList = ({ attachments }: { attachments: readonly AttachmentSource[] }) => {
  const tr = useReportText();
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => safeImageUri(a.imageDataUri));
  return (
    <div className="gw-attachments">
      {images.length > 0 ? (
        <div className="gw-thumbs">
          {images.map((a) => (
            <figure key={a.sha256} className="gw-thumb">
              <img src={safeImageUri(a.imageDataUri) ?? undefined} alt={a.caption || a.fileName} />
              <figcaption>{a.caption || a.fileName}</figcaption>
            </figure>
          ))}
        </div>
      ) : null}
      <ul className="gw-files">
        {attachments.map((a) => (
          <li key={a.sha256}>
            <span className="gw-file-name">{a.fileName}</span>
            {a.caption ? <span> — {a.caption}</span> : null}
            <span className="gw-muted">
              {' '}
              · {fileSizeText(tr, a.sizeBytes)} · SHA-256 <span className="gw-hash">{a.sha256}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
};

export const NoteList = ({ notes }: { notes: readonly string[] }) => {
  const { t } = useReportText();
  return notes.length === 0 ? null : (
    <>
      <p className="gw-label">{t('finding.notes')}</p>
      <ul className="gw-notes">
        {notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </>
  );
};

/** The organisation context in the customer's words, at the top of every report that has it. */
export const ContextBlock = ({ context }: { context: string }) => {
  const { t } = useReportText();
  return context ? (
    <blockquote className="gw-context">
      <p className="gw-label">{t('context.title')}</p>
      <p>{context}</p>
    </blockquote>
  ) : null;
};
