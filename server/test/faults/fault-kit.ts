import * as encoding from 'lib0/encoding'
import { type Socket, io } from 'socket.io-client'
import { WebSocket } from 'ws'
import { type PublicEventView, type RoundMessage, boardDocName } from '@tischrunde/shared'
import type { BoardClient } from '../helpers/board-client.js'
import { waitFor, within } from '../helpers/wait.js'

/** Prints one line of the fault suite's report, so `npm run test:faults` shows what was measured. */
export function report(caseName: string, result: string): void {
  console.log(`[fault] ${caseName}: ${result}`)
}

/** A y-websocket sync "update" message carrying `update` as is (no checks: an attacker's bytes). */
export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

/** Raw bytes of a v1 update whose one client claims `structs` structs but carries a handful of bytes. */
export function bombUpdate(structs = 2 ** 32 - 1): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, structs)
  encoding.writeVarUint(e, 7)
  encoding.writeVarUint(e, 0)
  encoding.writeUint8(e, 0)
  encoding.writeVarUint(e, 1)
  return encoding.toUint8Array(e)
}

export interface RawOutcome {
  /** HTTP status when the upgrade was refused. */
  status?: number
  code?: number
  reason?: string
  /** ms from sending the message to the close. */
  closedAfterMs?: number
}

/** Opens a raw board socket, sends `message` once it is open, and resolves with how it ended. */
export function sendRaw(url: string, eventId: string, tableId: string, token: string, message: Uint8Array | null, timeoutMs = 5000): Promise<RawOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${boardDocName(eventId, tableId)}?token=${encodeURIComponent(token)}`)
    let sentAt = 0
    const timer = setTimeout(() => {
      ws.terminate()
      reject(new Error('the server neither closed the socket nor refused it'))
    }, timeoutMs)
    ws.on('open', () => {
      if (!message) return
      sentAt = performance.now()
      ws.send(message)
    })
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(timer)
      res.resume()
      resolve({ status: res.statusCode })
    })
    ws.on('close', (code, reason) => {
      clearTimeout(timer)
      resolve({ code, reason: reason.toString(), closedAfterMs: sentAt ? performance.now() - sentAt : undefined })
    })
    ws.on('error', () => {})
  })
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

/**
 * Measures how long a card written by `writer` takes to show on `watcher`, every `everyMs` while
 * `during` runs. Returns the latencies in ms.
 */
export async function measureCardLatency(
  writer: BoardClient & { card: (o: { id: string; text: string; position: number }) => Parameters<BoardClient['put']>[0] },
  watcher: BoardClient,
  during: Promise<unknown>,
  label: string,
  everyMs = 50,
): Promise<number[]> {
  const latencies: number[] = []
  let running = true
  void during.finally(() => (running = false))
  let i = 0
  while (running) {
    const id = `lat-${label}-${i}`.padEnd(8, "x")
    const start = performance.now()
    writer.put(writer.card({ id, text: `Messkarte ${i}`, position: 1000 + i }))
    await waitFor(() => watcher.cards().some((c) => c.id === id), `latency card ${id}`, 5000, 1)
    latencies.push(performance.now() - start)
    i++
    await new Promise((r) => setTimeout(r, everyMs))
  }
  await during
  return latencies
}

export const summary = (ms: number[]) =>
  `${ms.length} cards, p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`

/** A Socket.IO client as a screen opens it; `ready` resolves on connect and rejects with the connect error. */
export function controlSocket(url: string, auth: unknown, extraHeaders?: Record<string, string>) {
  const socket: Socket = io(url, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
    timeout: 5000,
    ...(extraHeaders ? { extraHeaders } : {}),
  })
  const rounds: RoundMessage[] = []
  const views: PublicEventView[] = []
  socket.on('round:state', (m: RoundMessage) => rounds.push(m))
  socket.on('event:state', (v: PublicEventView) => views.push(v))
  const ready = within(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve())
      socket.once('connect_error', (e) => reject(e))
    }),
    'the control socket to connect or be refused',
  )
  ready.catch(() => {})
  return { socket, rounds, views, ready }
}
