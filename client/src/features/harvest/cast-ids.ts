import { type Ack, ErrorCode } from '@tischrunde/shared'

/**
 * The ids of a phone's vote taps. A tap whose answer was lost (NETWORK) may have arrived: the same
 * tap (card and direction) again sends the same id, so the server answers it without counting it
 * twice. Any answer from the server forgets them all: what was sent before has arrived or is lost
 * by then, and the ballot the server sends shows which.
 */
export function castIds(newId: () => string) {
  const unanswered = new Map<string, string>()
  return {
    /** The id to send for a tap (`<step>/<table>/<card>/<delta>`). */
    idFor: (tap: string): string => unanswered.get(tap) ?? newId(),
    /** The answer to the tap sent with `id`. */
    answered(tap: string, id: string, ack: Ack): void {
      if (!ack.ok && ack.code === ErrorCode.NETWORK) unanswered.set(tap, id)
      else unanswered.clear()
    },
  }
}
