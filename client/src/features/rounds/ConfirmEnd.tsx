import { useEffect, useRef } from 'react'
import { useTranslation } from '../../i18n/index.js'

/** "Veranstaltung wirklich beenden?" with what it means (`text`): the yes takes the focus, so Enter confirms and Tab reaches "Abbrechen". */
export function ConfirmEnd({ text, busy = false, onConfirm, onCancel }: { text: string; busy?: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const yes = useRef<HTMLButtonElement>(null)
  useEffect(() => yes.current?.focus(), [])
  return (
    <div className="confirm-end" role="alertdialog" aria-labelledby="end-title" aria-describedby="end-text">
      <p id="end-title">
        <strong>{t('control.endTitle')}</strong>
      </p>
      <p id="end-text">{text}</p>
      <div className="button-row">
        <button ref={yes} type="button" className="primary danger" disabled={busy} onClick={onConfirm}>
          {t('control.endConfirm')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('control.cancel')}
        </button>
      </div>
    </div>
  )
}
