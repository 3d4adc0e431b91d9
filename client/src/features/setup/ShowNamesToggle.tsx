import type { Ack, AckFailure } from '@tischrunde/shared'
import { useEffect, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/console-wording.js'

/**
 * Names on screens on or off. The box follows the click at once and goes back, with the
 * reason worded from the server's code, if the server refuses. An accepted change stays shown
 * until the event's state says so too (the answer can arrive before the new state: the box must
 * not flick back in between).
 */
export function ShowNamesToggle({ shown, send }: { shown: boolean; send: (showNames: boolean) => Promise<Ack> }) {
  const { t } = useTranslation()
  const [wanted, setWanted] = useState<boolean | null>(null)
  const [error, setError] = useState<AckFailure | null>(null)
  useEffect(() => {
    if (wanted !== null && shown === wanted) setWanted(null)
  }, [shown, wanted])
  const change = async (next: boolean) => {
    setWanted(next)
    setError(null)
    const ack = await send(next)
    if (!ack.ok) {
      setWanted(null)
      setError(ack)
    }
  }
  return (
    <div className="show-names">
      <label className="toggle">
        <input type="checkbox" checked={wanted ?? shown} aria-describedby="show-names-hint" onChange={(e) => void change(e.target.checked)} />
        {t('console.showNames')}
      </label>
      <p id="show-names-hint" className="muted">
        {error ? (
          <span className="field-error" role="alert">
            {errorText(t, error)}
          </span>
        ) : (
          t('console.showNamesHint')
        )}
      </p>
    </div>
  )
}
