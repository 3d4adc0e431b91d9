import { useLayoutEffect, useRef } from 'react'
import { useTranslation } from '../../i18n/index.js'

/**
 * "Veranstaltung wirklich beenden?" with what it means (`text`): the yes takes the focus, so Enter
 * confirms and Tab reaches "Abbrechen"; unless the yes was given, the focus goes back to where it
 * was when it opened (the button that asked).
 */
export function ConfirmEnd({
  text,
  warning,
  title,
  confirm,
  busy = false,
  onConfirm,
  onCancel,
}: {
  text: string
  warning?: string | null | undefined
  /** The question and the yes, when it is not the event's end. */
  title?: string
  confirm?: string
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const yes = useRef<HTMLButtonElement>(null)
  const confirmed = useRef(false)
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
    yes.current?.focus()
    return () => {
      if (!confirmed.current && opener?.isConnected && !opener.matches(':disabled')) opener.focus()
    }
  }, [])
  return (
    <div className="confirm-end" role="alertdialog" aria-labelledby="end-title" aria-describedby={warning ? 'end-warning end-text' : 'end-text'}>
      <p id="end-title">
        <strong>{title ?? t('control.endTitle')}</strong>
      </p>
      {warning && (
        <p id="end-warning" className="confirm-end-warning">
          <strong>{warning}</strong>
        </p>
      )}
      <p id="end-text">{text}</p>
      <div className="button-row">
        <button
          ref={yes}
          type="button"
          className="primary danger"
          disabled={busy}
          onClick={() => {
            confirmed.current = true
            onConfirm()
          }}
        >
          {confirm ?? t('control.endConfirm')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('control.cancel')}
        </button>
      </div>
    </div>
  )
}
