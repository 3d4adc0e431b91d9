import { type Ack, ErrorCode } from '@tischrunde/shared'

/**
 * The ids a screen sends with commands that must not run twice (a vote tap, a new voting step, a
 * shift of the day). A command whose answer was lost (NETWORK) may have arrived: the same command
 * (its key) sent again carries the same id, so the server answers it without doing it twice. Any
 * answer from the server forgets them all: what was sent before has arrived or is lost by then,
 * and what the server sends shows which.
 */
export function commandIds(newId: () => string) {
  const unanswered = new Map<string, string>()
  return {
    /** The id to send for a command (its key names what it does, e.g. `<step>/<table>/<card>/<delta>`). */
    idFor: (key: string): string => unanswered.get(key) ?? newId(),
    /** The answer to the command sent with `id`. */
    answered(key: string, id: string, ack: Ack): void {
      if (!ack.ok && ack.code === ErrorCode.NETWORK) unanswered.set(key, id)
      else unanswered.clear()
    },
  }
}
