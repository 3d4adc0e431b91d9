/**
 * Durability cost: how many cards per second the server acknowledges as fsync'd ("gespeichert",
 * the MESSAGE_SAVED state vector). Closed loop: every writer adds a card, waits for the ack that
 * covers it, then adds the next; writers stay inside the per-participant burst allowance.
 */
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE_SAVED, boardDocName, putCard } from '@tischrunde/shared'
import { type Percentiles, percentiles, processMeter, round, wallNow } from './stats.js'
import type { TischrundeServer } from './servers.js'
import { advanceRound, createEvent, joinMany } from './tischrunde-api.js'

export interface DurabilityResult {
  writers: number
  cardsAcked: number
  elapsedMs: number
  ackedPerSecond: number
  /** Card written → its fsync'd ack received. */
  ackLatency: Percentiles
  serverCpuPercent: number
  /** The writers run in the bench process itself: its CPU share over the same window. */
  generatorCpuPercent: number
}

export async function runDurability(server: TischrundeServer, opts: { tables: number; writersPerTable: number; cardsPerWriter: number }): Promise<DurabilityResult> {
  const tableNames = Array.from({ length: opts.tables }, (_, i) => `Ack-Tisch ${i + 1}`)
  const created = await createEvent(server.url, server.adminKey, 'Bench Haltbarkeit', tableNames)
  await advanceRound(server.url, created.facilitatorToken)
  const joined = await joinMany(server.url, created.joinCode, opts.tables * opts.writersPerTable)
  const writers = joined.map((j, i) => {
    const table = created.event.tables[i % opts.tables]!.id
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/yjs`, boardDocName(created.event.id, table), doc, {
      params: { token: j.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    let savedClock = 0
    let onSaved: () => void = () => {}
    provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
      savedClock = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(doc.clientID) ?? 0
      onSaved()
    }
    const ownClock = () => Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0
    const waitSaved = () =>
      new Promise<void>((resolve) => {
        onSaved = () => savedClock >= ownClock() && resolve()
        onSaved()
      })
    return { participantId: j.participantId, doc, provider, waitSaved }
  })
  await Promise.all(writers.map((w) => new Promise((resolve) => w.provider.once('sync', resolve))))

  const latencies: number[] = []
  const meter = processMeter(server.pid)
  meter.start()
  const cpu0 = process.cpuUsage()
  const t0 = wallNow()
  await Promise.all(
    writers.map(async (w) => {
      for (let i = 0; i < opts.cardsPerWriter; i++) {
        const sentAt = wallNow()
        putCard(w.doc, {
          id: `ack${i}x${w.doc.clientID}`,
          stationId: 'station-1',
          columnId: 'laeuft-gut',
          text: `Haltbarkeitskarte ${i} – Sprachkurse mit Kinderbetreuung`,
          subPoints: [],
          authorId: w.participantId,
          createdAt: Math.floor(sentAt),
          position: i,
        })
        await w.waitSaved()
        latencies.push(wallNow() - sentAt)
      }
    }),
  )
  const elapsedMs = wallNow() - t0
  const use = meter.stop()
  const cpu = process.cpuUsage(cpu0)
  for (const w of writers) {
    w.provider.destroy()
    w.doc.destroy()
  }
  return {
    writers: writers.length,
    cardsAcked: latencies.length,
    elapsedMs: round(elapsedMs),
    ackedPerSecond: round(latencies.length / (elapsedMs / 1000)),
    ackLatency: percentiles(latencies),
    serverCpuPercent: use.cpuPercent,
    generatorCpuPercent: round(((cpu.user + cpu.system) / 1000 / elapsedMs) * 100),
  }
}
