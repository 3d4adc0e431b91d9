import { useLayoutEffect, useRef } from 'react'
import { useTranslation } from '../../i18n/index.js'

/**
 * "Veranstaltung wirklich beenden?" with what it means (`text`): the yes takes the focus, so Enter
 * confirms and Tab reaches "Abbrechen"; unless the yes was given, the focus goes back to where it
 * was when it opened (the button that asked). `cancelFirst`: "Abbrechen" takes the focus instead,
 * for a question that guards against a key pressed once too often (a second Enter keeps things as they are).
 */
export function ConfirmEnd({
  text,
  warning,
  title,
  confirm,
  cancelFirst = false,
  busy = false,
  onConfirm,
  onCancel,
}: {
  text: string
  warning?: string | null | undefined
  /** The question and the yes, when it is not the event's end. */
  title?: string
  confirm?: string
  cancelFirst?: boolean
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const yes = useRef<HTMLButtonElement>(null)
  const no = useRef<HTMLButtonElement>(null)
  const confirmed = useRef(false)
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
    ;(cancelFirst ? no : yes).current?.focus()
    return () => {
      if (!confirmed.current && opener?.isConnected && !opener.matches(':disabled')) opener.focus()
    }
    // Once, when the question opens: where the focus starts is fixed for its life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
        <button ref={no} type="button" className="secondary" onClick={onCancel}>
          {t('control.cancel')}
        </button>
      </div>
    </div>
  )
}
