import { encodeControlPushJson } from '@tischrunde/shared'

/** Pushes remembered at most, the least recently sent dropped first. @default 256 */
export const PUSH_FRAMES_MAX = 256
/** A payload longer than this (as JSON, in characters) is encoded for each screen, not remembered. @default 4096 */
export const PUSH_FRAME_JSON_MAX = 4096
/** Pushes that carry the server's clock (`serverNow`): never the same twice, so never remembered. */
const TIMED_PUSHES: ReadonlySet<string> = new Set(['round:state'])

/**
 * Encoded pushes by their content, for the pushes every carried screen gets as it opens (the voting
 * steps, the groups, the moderation modes, "nothing held yet"): a hall of phones connecting gets the
 * same bytes, encoded once. The frame is the same object each time, so its WebSocket frame is built
 * once too (`frameOf`). Keyed by name and JSON, so a change in content is a new entry.
 */
export class PushFrames {
  private readonly frames = new Map<string, Uint8Array>()

  constructor(
    private readonly max = PUSH_FRAMES_MAX,
    private readonly jsonMax = PUSH_FRAME_JSON_MAX,
  ) {}

  /** The push's bytes; `shared` when they are the remembered ones (sent again as they are, `frameOf`). */
  of(name: string, payload: unknown): { bytes: Uint8Array; shared: boolean } {
    const json = JSON.stringify(payload ?? null)
    if (json.length > this.jsonMax || TIMED_PUSHES.has(name)) return { bytes: encodeControlPushJson(name, json), shared: false }
    const key = `${name}\n${json}`
    let bytes = this.frames.get(key)
    if (bytes) this.frames.delete(key)
    else {
      bytes = encodeControlPushJson(name, json)
      if (this.frames.size >= this.max) this.frames.delete(this.frames.keys().next().value!)
    }
    this.frames.set(key, bytes)
    return { bytes, shared: true }
  }

  /** How many are remembered (for tests). */
  get size(): number {
    return this.frames.size
  }
}
