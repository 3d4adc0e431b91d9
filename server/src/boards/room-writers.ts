import * as Y from 'yjs'
import { type Origin, type UpdateShape, WRITER_CLIENTS_BURST, WRITER_CLIENTS_PER_MINUTE, type WriteRefusal, WRITERS_ROOT, admitWriters } from '@tischrunde/shared'
import { RateLimiter } from '../access/rate-limit.js'

/** Most people whose pace of new client ids a doc remembers at once. */
const PACED_WRITERS_MAX = 10_000

/**
 * Who writes with which Yjs client id on one doc (its `$writers` root), as the server admits them:
 * only under the sender's own ids, a person's new ids at a pace, the doc's last ids kept for the
 * staff (see `admitWriters`). The counts per person are kept as ids are bound.
 */
export class RoomWriters {
  private readonly writers: Y.Map<string>
  private readonly counts: Map<string, number>
  private pace: RateLimiter | null = null

  constructor(private readonly doc: Y.Doc) {
    this.writers = doc.getMap<string>(WRITERS_ROOT)
    this.counts = countWriters(this.writers)
  }

  /**
   * The refusal of an update's writers, or the function that binds the sender's new client ids once
   * the update is taken. `writer`: the sender's writer key (null: a reader); `staff`: the sender runs
   * the event or a table.
   */
  admit(shape: UpdateShape, writer: string | null, staff: boolean): { refusal: WriteRefusal } | { binds: boolean; bind: () => void } {
    const { doc, writers, counts } = this
    const paced = (w: string, count: number) => (this.pace ??= new RateLimiter(WRITER_CLIENTS_BURST, WRITER_CLIENTS_PER_MINUTE / 60, PACED_WRITERS_MAX)).take(w, Date.now(), count)
    const admitted = admitWriters(
      shape,
      writer,
      (client) => Y.getState(doc.store, client),
      { ownerOf: (client) => writers.get(String(client)), countOf: (w) => counts.get(w) ?? 0, clients: () => doc.store.clients.size, paced },
      new Set([doc.clientID]),
      staff,
    )
    if (!admitted.ok) return { refusal: admitted.refusal }
    return {
      binds: admitted.bind.length > 0 && writer !== null,
      bind: () => {
        if (admitted.bind.length === 0 || writer === null) return
        doc.transact(() => {
          for (const client of admitted.bind) writers.set(String(client), writer)
        }, { source: 'server', by: 'writers' } satisfies Origin)
        counts.set(writer, (counts.get(writer) ?? 0) + admitted.bind.length)
      },
    }
  }
}

function countWriters(writers: Y.Map<string>): Map<string, number> {
  const counts = new Map<string, number>()
  writers.forEach((writer) => counts.set(writer, (counts.get(writer) ?? 0) + 1))
  return counts
}
