import type { KeyboardEvent } from 'react'

/** Ctrl+Enter (⌘+Enter on a Mac) in a text field sends its form, as in chat and mail programs: every form that writes a card or a node. */
export function sendOnCtrlEnter(e: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>): void {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return
  e.preventDefault()
  e.currentTarget.form?.requestSubmit()
}
