import { useEffect, useState } from 'react'

/**
 * A text field that writes when it is left or Enter is pressed (one write per edit, not per key),
 * and takes over a change from another screen while it is not being edited.
 */
export function TextCell(props: { value: string; label: string; max: number; multiline?: boolean; onCommit(value: string): void; className?: string }) {
  const { value, label, max, multiline, onCommit, className } = props
  const [draft, setDraft] = useState(value)
  const [editing, setEditing] = useState(false)
  useEffect(() => {
    if (!editing) setDraft(value)
  }, [value, editing])
  const commit = () => {
    setEditing(false)
    if (draft !== value) onCommit(draft)
  }
  const common = {
    'aria-label': label,
    value: draft,
    maxLength: max,
    className,
    onFocus: () => setEditing(true),
    onBlur: commit,
  }
  if (multiline) return <textarea {...common} rows={2} onChange={(e) => setDraft(e.target.value)} />
  return <input {...common} type="text" onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget as HTMLInputElement).blur()} />
}
