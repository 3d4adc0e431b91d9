import type { UpdateShape } from '../doc/board-update-check.js'
import { WriteRefusal } from '../doc/board-write-rules.js'

/**
 * Yjs client ids one person may write with on one doc: every page load makes a new one.
 * @default 200 (a phone reloaded every two minutes over a whole day); prevents a person from
 * bloating every newcomer's state vector with invented writers
 */
export const WRITER_CLIENTS_MAX = 200

/**
 * Yjs client ids one doc holds at most from all its writers together; a newcomer's first write
 * beyond it is refused. Far above a day (100 phones reloading ten times each), and well below what
 * a state vector or a delete set may name (`UPDATE_LIMITS.clients`): however many identities
 * someone makes, every screen's copy of the doc can still sync with the server.
 * @default 4000
 */
export const DOC_CLIENTS_MAX = 4000

/**
 * Of `DOC_CLIENTS_MAX`, the client ids kept for the facilitator and the table hosts: participants
 * who fill a doc with invented writers (a join code makes as many participants as one likes) lock
 * out the newcomers among them, not the people who run the table.
 * @default 500
 */
export const STAFF_CLIENTS_RESERVE = 500

/**
 * New client ids one participant may bind on one doc at once, and how many more each minute: a
 * person's phone gets one per page load it writes from, so an update that brings many (one card
 * written under 200 invented ids) is refused, and filling a doc takes hundreds of identities.
 * @default 20, then 1 a minute
 */
export const WRITER_CLIENTS_BURST = 20
export const WRITER_CLIENTS_PER_MINUTE = 1

/** The root, in every kind of doc, where the server keeps which person writes with which client id. */
export const WRITERS_ROOT = '$writers'

/** Who writes with which Yjs client id on a doc, as far as the server has seen. */
export interface WriterBindings {
  /** The person a client id is bound to, if any. */
  ownerOf(client: number): string | undefined
  /** How many client ids a person holds. */
  countOf(writer: string): number
  /** How many client ids the doc holds (writers, the server's own, and ids of refused writes). */
  clients(): number
  /** Whether a participant may bind `count` new client ids now (their pace, see `WRITER_CLIENTS_BURST`); takes them if so. */
  paced?(writer: string, count: number): boolean
}

/**
 * Decides whether an update's writers belong to the person sending it. Yjs lets an update carry
 * structs for any client id; a person who writes at another's next clock makes that person's later
 * writes vanish as duplicates, and deletions of clocks not yet written delete them on arrival.
 * So: new content only under client ids bound to the sender (an unbound id is bound on first use),
 * and deletions only of what exists. Content the server already has (a resend) passes.
 *
 * @param writer the sender's writer key, or null for a reader (who may add nothing at all)
 * @param stateOf the server doc's next clock for a client id
 * @param reserved client ids no client may write with (the server's own)
 * @param staff the sender runs the event or a table (may use `STAFF_CLIENTS_RESERVE`, is not paced)
 * @returns the client ids to bind to `writer` once the update is taken, or the refusal
 */
export function admitWriters(
  shape: UpdateShape,
  writer: string | null,
  stateOf: (client: number) => number,
  bindings: WriterBindings,
  reserved: ReadonlySet<number> = new Set(),
  staff = false,
): { ok: true; bind: number[] } | { ok: false; refusal: WriteRefusal } {
  const bind: number[] = []
  for (const [client, range] of shape.writes) {
    if (range.to <= stateOf(client)) continue
    if (writer === null) return { ok: false, refusal: WriteRefusal.READ_ONLY }
    if (reserved.has(client)) return { ok: false, refusal: WriteRefusal.FOREIGN_WRITER }
    const owner = bindings.ownerOf(client)
    if (owner === undefined) bind.push(client)
    else if (owner !== writer) return { ok: false, refusal: WriteRefusal.FOREIGN_WRITER }
  }
  if (bind.length > 0 && bindings.countOf(writer!) + bind.length > WRITER_CLIENTS_MAX) return { ok: false, refusal: WriteRefusal.TOO_MANY_WRITERS }
  const newcomers = bind.filter((client) => stateOf(client) === 0).length
  if (newcomers > 0 && bindings.clients() + newcomers > DOC_CLIENTS_MAX - (staff ? 0 : STAFF_CLIENTS_RESERVE)) return { ok: false, refusal: WriteRefusal.TOO_MANY_WRITERS }
  for (const [client, end] of shape.deletesTo) {
    if (end > Math.max(stateOf(client), shape.writes.get(client)?.to ?? 0)) return { ok: false, refusal: WriteRefusal.FOREIGN_WRITER }
  }
  // Paced last: a refused update takes none of the person's allowance.
  if (bind.length > 0 && !staff && bindings.paced && !bindings.paced(writer!, bind.length)) return { ok: false, refusal: WriteRefusal.TOO_MANY_WRITERS }
  return { ok: true, bind }
}
