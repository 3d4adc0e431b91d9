import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import {
  type Ack,
  CONTROL_ID_UNANSWERED,
  CONTROL_QUERY_VALUE,
  MESSAGE_CONTROL_ACK,
  MESSAGE_CONTROL_PUSH,
  boardDocName,
  encodeControlCommand,
  readControlAck,
  readControlPush,
} from '@tischrunde/shared'
import { waitFor, within } from './wait.js'

/** A phone whose control plane rides on its board's doc socket, spoken frame by frame (no UI in between). */
export interface CarriedPhone {
  ws: WebSocket
  /** Every push in order. */
  pushes: { name: string; payload: unknown }[]
  /** The payloads of one push name, in order. */
  of<T = unknown>(name: string): T[]
  /** Sends a command and waits for its answer. */
  send(name: string, payload: unknown): Promise<Ack<unknown> & { data?: unknown }>
  /** Sends a command that wants no answer (CONTROL_ID_UNANSWERED), as the app sends its seat. */
  tell(name: string, payload: unknown): void
  /** The ids of every answer received, in order. */
  answered: number[]
  /** Sends raw bytes. */
  raw(bytes: Uint8Array): void
  /** Resolves with the close code and reason once the socket closed. */
  closed(timeoutMs?: number): Promise<{ code: number; reason: string }>
  close(): void
}

/** Opens the board of `tableId` with `?control=` (the wire's value unless given); resolves once open. */
export async function carriedPhone(url: string, eventId: string, tableId: string, token: string, control: string | null = CONTROL_QUERY_VALUE): Promise<CarriedPhone> {
  const query = `token=${encodeURIComponent(token)}${control === null ? '' : `&control=${encodeURIComponent(control)}`}`
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${boardDocName(eventId, tableId)}?${query}`)
  ws.binaryType = 'nodebuffer'
  const pushes: { name: string; payload: unknown }[] = []
  const acks = new Map<number, Ack<unknown>>()
  const answered: number[] = []
  let ended: { code: number; reason: string } | undefined
  let nextId = 0
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_CONTROL_PUSH) {
      const push = readControlPush(decoder)
      if (!push) throw new Error('the server sent a push that is no push')
      pushes.push({ name: push.name, payload: push.payload })
    } else if (type === MESSAGE_CONTROL_ACK) {
      const ack = readControlAck(decoder)
      if (!ack) throw new Error('the server sent an answer that is no answer')
      acks.set(ack.id, ack.ack)
      answered.push(ack.id)
    }
  })
  ws.on('close', (code, reason) => (ended = { code, reason: reason.toString() }))
  await within(
    new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade answered ${res.statusCode}`)))
      ws.once('error', reject)
    }),
    'the doc socket to open',
  )
  return {
    ws,
    pushes,
    of: <T>(name: string) => pushes.filter((p) => p.name === name).map((p) => p.payload as T),
    async send(name, payload) {
      const id = ++nextId
      ws.send(encodeControlCommand(id, name, payload))
      return (await waitFor(() => acks.get(id), `the answer to ${name}`)) as Ack<unknown> & { data?: unknown }
    },
    tell: (name, payload) => ws.send(encodeControlCommand(CONTROL_ID_UNANSWERED, name, payload)),
    answered,
    raw: (bytes) => ws.send(bytes),
    closed: (timeoutMs = 5000) => waitFor(() => ended, 'the doc socket to close', timeoutMs),
    close: () => ws.close(),
  }
}
