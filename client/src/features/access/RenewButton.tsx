import type { FacilitatorEventView, RevokeRequest } from '@tischrunde/shared'
import { useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import { ApiFailure, api } from '../../sync/api.js'
import '../../i18n/console-wording.js'

/**
 * Renews one link (the projector's, a table host's) or the join code after the facilitator
 * confirmed it: the old one stops working at once, its screens are disconnected, everyone else
 * stays. `onRenewed` gets the event's links as they are now.
 */
export function RenewButton(props: {
  eventId: string
  token: string
  which: RevokeRequest
  label: string
  /** The question the confirmation asks (what stops working, who stays). */
  confirm: string
  onRenewed: (view: FacilitatorEventView) => void
}) {
  const { t } = useTranslation()
  const [state, setState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({ busy: false, message: null, failed: false })
  const renew = () => {
    if (!window.confirm(props.confirm)) return
    setState({ busy: true, message: null, failed: false })
    api.revoke(props.eventId, props.token, props.which).then(
      (view) => {
        setState({ busy: false, message: t('console.renewed'), failed: false })
        props.onRenewed(view)
      },
      (error: unknown) => setState({ busy: false, message: error instanceof ApiFailure ? errorText(t, error.failure) : t('common.error'), failed: true }),
    )
  }
  return (
    <span className="renew-link">
      <button type="button" className="secondary" disabled={state.busy} onClick={renew}>
        {props.label}
      </button>
      <span className={state.failed ? 'field-error' : 'muted'} role={state.failed ? 'alert' : 'status'}>
        {state.message}
      </span>
    </span>
  )
}
