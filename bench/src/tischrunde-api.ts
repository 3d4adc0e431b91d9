/** The few public API calls the bench makes, as the console and the phones make them. */
import { io } from 'socket.io-client'
import type { Ack, CreateEventResponse, JoinResponse, RoundMessage } from '@tischrunde/shared'

const WIRE_VERSION = 1
const TIMEOUT_MS = 15_000

async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 300)}`)
  return JSON.parse(text) as T
}

/** Creates an event with the installation's admin key (printed with the "Verwaltung:" link). */
export function createEvent(url: string, adminKey: string, title: string, tableNames: string[]): Promise<CreateEventResponse> {
  return post<CreateEventResponse>(url, '/api/events', { title, date: '2026-11-23', place: 'Rathaus Winnenden', tableNames }, adminKey)
}

/** Imports an event file (the `json` export format) with the admin key; returns its links. */
export function importEvent(url: string, adminKey: string, file: unknown): Promise<{ id: string; links: CreateEventResponse['links'] }> {
  return post(url, '/api/events/import', file, adminKey)
}

/** `count` phones join with the code (a few at a time, as a hall of phones would). */
export async function joinMany(url: string, code: string, count: number, concurrency = 16): Promise<JoinResponse[]> {
  const out: JoinResponse[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++
        out[i] = await post<JoinResponse>(url, '/api/join', { code })
      }
    }),
  )
  return out
}

export const tokenOfLink = (link: string) => decodeURIComponent(link.slice(link.indexOf('#k=') + 3))

/** The facilitator presses "Start: Station 1" (one `round:advance`), so phones may write. */
export async function advanceRound(url: string, facilitatorToken: string): Promise<void> {
  const socket = io(url, { auth: { token: facilitatorToken, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
  try {
    const state = await new Promise<RoundMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no round:state from the server')), TIMEOUT_MS)
      socket.once('round:state', (m: RoundMessage) => {
        clearTimeout(timer)
        resolve(m)
      })
      socket.once('connect_error', (e) => reject(e))
    })
    const ack = (await socket.timeout(TIMEOUT_MS).emitWithAck('round:advance', { expectedVersion: state.round.version })) as Ack
    if (!ack.ok) throw new Error(`round:advance refused: ${ack.code} ${ack.message}`)
  } finally {
    socket.disconnect()
  }
}
