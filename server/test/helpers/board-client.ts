import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type Card, MESSAGE_REFUSED, MESSAGE_SAVED, boardDocName, putCard, readRefused, readSnapshot } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { join } from './api.js'
import { waitFor, within } from './wait.js'

/** A y-websocket client on one board, as a phone or projector runs it (no cross-tab channel). */
export interface BoardClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** The last "saved up to" state vector the server sent (MESSAGE_SAVED). */
  savedVector(): Map<number, number>
  /** Close codes the server sent, in order. */
  closeCodes: number[]
  /** Reasons of writes the server refused without closing (MESSAGE_REFUSED), in order. */
  refusals: string[]
  /** The texts the server gave back with those refusals, in order. */
  refusedTexts: string[]
  /** Resolves once the first sync with the server is complete. */
  synced(timeoutMs?: number): Promise<void>
  /** Resolves once the server says everything this client wrote is durably stored. */
  saved(timeoutMs?: number): Promise<void>
  /** Whether the server has acknowledged everything this client wrote. */
  isSaved(): boolean
  cards(): Card[]
  put(card: Card): void
  /** Waits until a card with this id is on the board. */
  waitForCard(id: string, timeoutMs?: number): Promise<Card>
  destroy(): void
}

export function connectBoard(url: string, eventId: string, tableId: string, token: string): BoardClient {
  return connectDoc(url, boardDocName(eventId, tableId), token)
}

/** A y-websocket client on a doc of any kind, by its name. */
export function connectDoc(url: string, docName: string, token: string): BoardClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, docName, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  })
  let saved = new Map<number, number>()
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder))
  }
  const refusals: string[] = []
  const refusedTexts: string[] = []
  provider.messageHandlers[MESSAGE_REFUSED] = (_encoder, decoder) => {
    const message = readRefused(decoder)
    refusals.push(message?.reason ?? 'UNREADABLE')
    refusedTexts.push(...(message?.texts ?? []))
  }
  const closeCodes: number[] = []
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code)
  })
  const ownClock = () => Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0
  const isSaved = () => (saved.get(doc.clientID) ?? 0) >= ownClock()
  const cards = () => readSnapshot(doc).cards

  return {
    doc,
    provider,
    savedVector: () => saved,
    closeCodes,
    refusals,
    refusedTexts,
    synced: (timeoutMs = 5000) =>
      provider.synced
        ? Promise.resolve()
        : within(new Promise<void>((resolve) => provider.once('sync', (s: boolean) => s && resolve())), `first sync of ${provider.roomname}`, timeoutMs),
    saved: async (timeoutMs = 5000) => {
      await waitFor(isSaved, `the server to acknowledge the writes on ${provider.roomname}`, timeoutMs)
    },
    isSaved,
    cards,
    put: (card) => putCard(doc, card),
    waitForCard: (id, timeoutMs = 5000) => waitFor(() => cards().find((c) => c.id === id), `card ${id} on ${provider.roomname}`, timeoutMs),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** A phone: joins with the event's code, opens a table's board, and writes cards as itself. */
export async function connectPhone(url: string, eventId: string, tableId: string, joinCode: string) {
  const { token, participantId } = await join(url, joinCode)
  const client = connectBoard(url, eventId, tableId, token)
  return Object.assign(client, {
    token,
    participantId,
    /** A card by this phone's participant. */
    card: (overrides: Partial<Card> = {}) => aCard({ ...overrides, authorId: participantId }),
  })
}
export type Phone = Awaited<ReturnType<typeof connectPhone>>
