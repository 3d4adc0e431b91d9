import type { FacilitatorEventView } from '@tischrunde/shared'
import { useEffect, useState } from 'react'
import type { ShownFailure } from '../../i18n/error-text.js'
import { ApiFailure, api } from '../../sync/api.js'

/** What the console shows before its event: the view, a failure to word, or the other event its key opens. */
export interface ConsoleView {
  view: FacilitatorEventView | null
  failure: ShownFailure | null
  /** The key opens another event than the address names: which one. */
  otherEvent: { id: string; title: string } | null
}

/**
 * Loads the facilitator's view of the event. A key that does not open this event is asked once
 * more which event it does open, so the console can name it instead of only refusing.
 */
export function useConsoleView(eventId: string, token: string | null): ConsoleView {
  const [state, setState] = useState<ConsoleView>({ view: null, failure: token ? null : { code: 'UNAUTHORIZED' }, otherEvent: null })
  useEffect(() => {
    if (!token) return
    let live = true
    const settle = (next: Partial<ConsoleView>) => live && setState((s) => ({ ...s, ...next }))
    api.facilitatorView(eventId, token).then(
      (view) => settle({ view }),
      async (e: unknown) => {
        const failure: ShownFailure = e instanceof ApiFailure ? e.failure : { code: 'INTERNAL' }
        if (failure.code === 'UNAUTHORIZED') {
          const info = await api.credential(token).catch(() => null)
          const other = info && info.eventId !== eventId && info.role === 'facilitator' ? await api.facilitatorView(info.eventId, token).catch(() => null) : null
          if (other) return settle({ otherEvent: { id: other.event.id, title: other.event.title } })
        }
        settle({ failure })
      },
    )
    return () => {
      live = false
    }
  }, [eventId, token])
  return state
}
