/**
 * What a simulated observer does with the cards it receives: decode them from an update (once per
 * distinct frame for the whole process) and record each card once, with its latency.
 */
import * as Y from 'yjs'
import { type ObserverReport, sentAtOf } from './protocol.js'

/** Records a card on an observer, once, with its latency. */
export function receive(report: ObserverReport, seen: Set<string>, id: unknown, text: unknown, now: number): void {
  if (typeof id !== 'string' || seen.has(id)) return
  const sentAt = sentAtOf(text)
  if (sentAt === null) return
  seen.add(id)
  report.received.push(id, now - sentAt)
}

/**
 * Cards in one incoming update, decoded once per distinct message: every observer at a table gets
 * the same frame, so decoding it once per process instead of once per observer keeps 500 observers
 * from making the generator the bottleneck (same on both servers). Bounded.
 */
const decoded = new Map<string, { id?: unknown; text?: unknown; position?: unknown }[]>()
export function cardsOf(update: Uint8Array, key: string): { id?: unknown; text?: unknown; position?: unknown }[] {
  const hit = decoded.get(key)
  if (hit) return hit
  const cards: { id?: unknown; text?: unknown; position?: unknown }[] = []
  for (const struct of Y.decodeUpdate(update).structs) {
    const card = (struct as { content?: { arr?: { id?: unknown; text?: unknown; position?: unknown }[] } }).content?.arr?.[0]
    if (card) cards.push(card)
  }
  if (decoded.size >= 4000) decoded.clear()
  decoded.set(key, cards)
  return cards
}
