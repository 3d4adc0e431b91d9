import { useCallback, useState } from 'react'
import { keepDraft, readDraft } from '../sync/device-storage.js'

/**
 * A form's text that survives a reload of the page (kept per `scope`; null: not kept): what a phone
 * had typed comes back after a reload on bad Wi-Fi. Sent, the form sets it to '' and it is gone.
 */
export function useDraft(scope: string | null): [string, (next: string | ((now: string) => string)) => void] {
  const [text, setText] = useState(() => (scope ? readDraft(scope) : ''))
  const set = useCallback(
    (next: string | ((now: string) => string)) =>
      setText((now) => {
        const value = typeof next === 'function' ? next(now) : next
        if (scope) keepDraft(scope, value)
        return value
      }),
    [scope],
  )
  return [text, set]
}

/** Where the card form of one station of a board keeps its draft (see useDraft). */
export const cardDraftScope = (docName: string, stationId: string): string => `${docName}/${stationId}`
