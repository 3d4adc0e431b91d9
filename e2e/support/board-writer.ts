import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type CreateEventResponse, type JoinResponse, MESSAGE_SAVED, boardDocName, putCard } from '@tischrunde/shared'
import { aCard } from '../../fixtures/src/builders.js'

/**
 * Puts cards on a table's board as one phone over the wire (join code, y-websocket), as fast as the
 * server takes them: for a browser test whose subject is what a screen shows of many cards, not
 * how a phone writes them (the phone's form has its own tests). Resolves once the server says they
 * are stored; the cards are at Station 1 in `columnId`, in the order given.
 */
export async function putCards(url: string, created: CreateEventResponse, tableId: string, columnId: string, texts: readonly string[], stationId = 'station-1'): Promise<void> {
  const res = await fetch(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: created.joinCode }) })
  if (res.status !== 200) throw new Error(`POST /api/join answered ${res.status}: ${await res.text()}`)
  const { token, participantId } = (await res.json()) as JoinResponse
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, boardDocName(created.event.id, tableId), doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  let saved = 0
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(doc.clientID) ?? 0
  }
  const until = (what: string, done: () => boolean, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now()
      const poll = setInterval(() => {
        if (done()) resolve()
        else if (Date.now() - started > timeoutMs) reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))
        else return
        clearInterval(poll)
      }, 20)
    })
  try {
    await until('the first sync of the board', () => provider.synced, 10_000)
    const start = Date.now()
    doc.transact(() => {
      for (const [i, text] of texts.entries()) putCard(doc, aCard({ id: `put-${start.toString(36)}-${i}`, stationId, columnId, text, authorId: participantId, position: i, createdAt: start + i }))
    })
    const written = Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0
    await until('the server to store the cards', () => saved >= written, 15_000)
  } finally {
    provider.destroy()
    doc.destroy()
  }
}
