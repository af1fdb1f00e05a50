/** @jsxRuntime automatic @jsxImportSource react */
import type { AttachmentSource } from '../report-source';

/** Only images we read ourselves (PNG, JPEG as base64) reach an <img>. */
export const safeImageUri = (uri: string): string | null => (/^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/.test(uri) ? uri : null);

const kib = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Images as thumbnails with their caption; every file by name, size and SHA-256, so the customer can check it. */
export const AttachmentList = ({ attachments }: { attachments: readonly AttachmentSource[] }) => {
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
              · {kib(a.sizeBytes)} · SHA-256 <span className="gw-hash">{a.sha256}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
};

export const NoteList = ({ notes }: { notes: readonly string[] }) =>
  notes.length === 0 ? null : (
    <>
      <p className="gw-label">Engineer's notes</p>
      <ul className="gw-notes">
        {notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </>
  );

/** The organisation context in the customer's words, at the top of every report that has it. */
export const ContextBlock = ({ context }: { context: string }) =>
  context ? (
    <blockquote className="gw-context">
      <p className="gw-label">About the organisation</p>
      <p>{context}</p>
    </blockquote>
  ) : null;
