import { useId } from 'react';

interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string;
  readonly required?: boolean;
  readonly type?: 'text' | 'email' | 'tel' | 'search' | 'password';
  readonly hint?: string;
  readonly multiline?: boolean;
  readonly autoFocus?: boolean;
  readonly onBlur?: () => void;
}

/** A labelled input whose error is tied to it for screen readers. */
export const TextField = ({ label, value, onChange, error, required, type = 'text', hint, multiline, autoFocus, onBlur }: TextFieldProps) => {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    required,
    autoFocus,
    onBlur,
    className: error ? 'input input-invalid' : 'input',
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
};
