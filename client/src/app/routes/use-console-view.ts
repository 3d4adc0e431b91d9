import { type FacilitatorEventView, opensConsole } from '@tischrunde/shared'
import { useCallback, useEffect, useState } from 'react'
import type { ShownFailure } from '../../i18n/error-text.js'
import { useTischStore } from '../../store/index.js'
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
export function useConsoleView(eventId: string, token: string | null): ConsoleView & { setView(view: FacilitatorEventView): void } {
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
          const other = info && info.eventId !== eventId && opensConsole(info) ? await api.facilitatorView(info.eventId, token).catch(() => null) : null
          if (other) return settle({ otherEvent: { id: other.event.id, title: other.event.title } })
        }
        settle({ failure })
      },
    )
    return () => {
      live = false
    }
  }, [eventId, token])
  // A new join code issued in another tab: fetch the links as they are now.
  const liveJoinCode = useTischStore((s) => s.joinCode)
  const shownJoinCode = state.view?.joinCode
  useEffect(() => {
    if (!token || !shownJoinCode || !liveJoinCode || liveJoinCode === shownJoinCode) return
    api.facilitatorView(eventId, token).then((view) => setState((s) => ({ ...s, view })), () => {})
  }, [eventId, token, liveJoinCode, shownJoinCode])
  const setView = useCallback((view: FacilitatorEventView) => setState((s) => ({ ...s, view })), [])
  return { ...state, setView }
}
