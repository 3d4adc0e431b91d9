import type { ReactNode } from 'react'
import type { SetupFields } from './use-setup-draft.js'

type TextFieldProps = {
  fields: SetupFields
  /** The schema path as a key, e.g. 'tables.2.name'; also gives the input's id. */
  fieldKey: string
  label: ReactNode
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'date' | 'time'
  multiline?: boolean
  hint?: ReactNode
  maxLength?: number
  autoComplete?: string
}

/** A labelled input whose message (from the schema or the server) sits right below it and is linked by aria-describedby. */
export function TextField({ fields, fieldKey, label, value, onChange, type = 'text', multiline = false, hint, maxLength, autoComplete = 'off' }: TextFieldProps) {
  const id = fields.id(fieldKey)
  const error = fields.error(fieldKey)
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    value,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: () => fields.blur(fieldKey),
  }
  return (
    <div className="setup-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="setup-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}

/** The message for a whole list (e.g. 'template' or 'template.stations.0.columns'); its id is what the list's aria-describedby names. */
export function GroupMessage({ fields, fieldKey }: { fields: SetupFields; fieldKey: string }) {
  const error = fields.error(fieldKey)
  if (!error) return null
  return (
    <p id={`${fields.id(fieldKey)}-error`} className="field-error">
      {error}
    </p>
  )
}

/** Props that make a fieldset or section the target of a list's message: focusable from script, described by the message. */
export function groupProps(fields: SetupFields, fieldKey: string) {
  const error = fields.error(fieldKey)
  return {
    id: fields.id(fieldKey),
    tabIndex: -1,
    'aria-describedby': error ? `${fields.id(fieldKey)}-error` : undefined,
  }
}
