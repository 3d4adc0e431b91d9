import { useCallback, useState } from 'react'
import { keepDraft, keepLastCardDraft, readDraft, readLastCardDraft } from '../sync/device-storage.js'

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

/**
 * The card form's draft (see useDraft) that also takes up what the last form was typing when the
 * station changed or the phone moved on (the form closed mid-sentence for the changeover): moved
 * here, with `carried` true so the form can say so. Only from a board of the same event.
 */
export function useCardDraft(docName: string, stationId: string): [string, (next: string | ((now: string) => string)) => void, boolean] {
  const scope = cardDraftScope(docName, stationId)
  const [carried] = useState(() => {
    const last = readLastCardDraft()
    if (readDraft(scope) || !last || last === scope || !last.startsWith(`${docName.split('.').slice(0, 2).join('.')}.`)) return false
    const text = readDraft(last)
    if (!text) return false
    keepDraft(scope, text)
    keepDraft(last, '')
    keepLastCardDraft(scope)
    return true
  })
  const [text, setText] = useDraft(scope)
  const set = useCallback(
    (next: string | ((now: string) => string)) =>
      setText((now) => {
        const value = typeof next === 'function' ? next(now) : next
        if (value.trim()) keepLastCardDraft(scope)
        return value
      }),
    [scope, setText],
  )
  return [text, set, carried && text.length > 0]
}
