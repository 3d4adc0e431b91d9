import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  BoardCloseCode,
  CONTROL_QUERY_PARAM,
  CONTROL_QUERY_VALUE,
  type Card,
  type CardAlternative,
  MESSAGE_REFUSED,
  MESSAGE_SAVED,
  type SubPoint,
  type TischEvent,
  parseBoardCloseReason,
  readRefused,
  readSaved,
  boardDocName,
  deleteCard,
  editCard,
  nextPosition,
  putCard,
  readSnapshot,
} from '@tischrunde/shared'
import type { BoardRefusal } from '../i18n/error-text.js'
import type { BoardStatus } from '../store/board-slice.js'
import { useTischStore } from '../store/index.js'
import { api } from './api.js'
import { pendingCardIds } from './pending-cards.js'
import { dropDeviceCopy, purgeRemovedRecords } from './purge-device-copy.js'
import { deviceCopyName, keepRefusal, noteLeftBoard, readRefusal } from './device-storage.js'
import { keepSaved, readSavedVector } from './saved-vector.js'
import { followBrowserOnline } from './browser-online.js'
import { withRefusedTexts } from './refused-texts.js'

/** The only place where Yjs meets React state: open board docs, keyed by doc name. */
interface OpenBoard {
  doc: Y.Doc
  provider: WebsocketProvider
  local: IndexeddbPersistence | null
  users: number
  authorId: string
  release: () => void
  /** Forgets the last refusal (the person hid it, its texts copied). */
  clearRefusal: () => void
  /** Keeps the doc on the device from now on (opened first by a part that keeps no copy). */
  keepLocal: () => void
}
const open = new Map<string, OpenBoard>()

/** Longest wait for the device's copy of a board before connecting anyway. */
const LOCAL_COPY_WAIT_MS = 2000

/** Refused connections in a row, before any sync, after which the device's copy counts as stale. */
const STALE_COPY_REFUSALS = 2
/**
 * A connection that synced and then held this long took the device's copy: a refusal after it does
 * not continue the run of refusals before it (ms).
 */
const STABLE_CONNECTION_MS = 5000

/**
 * Whether a close says the server refused what only an outdated device copy sends: items of a
 * board's earlier life (another server's layout stamp, others' cards it no longer has). The phone's
 * own writes never cause these reasons.
 */
function refusesStaleCopy(event: CloseEvent): boolean {
  if (event.code !== BoardCloseCode.INVALID_MESSAGE) return false
  const closed = parseBoardCloseReason(event.reason)
  if (!closed) return false
  return (
    (closed.reason === 'MALFORMED_UPDATE' && closed.detail === 'FOREIGN_PARENT') ||
    closed.reason === 'NOT_YOUR_CARD' ||
    closed.reason === 'OUTSIDE_SCHEMA' ||
    // Others' writes the server no longer has (a board restored from a backup).
    closed.reason === 'FOREIGN_WRITER'
  )
}

/** Whether a close says the board itself is gone (its table removed), not the credential or the event. */
const isBoardGone = (event: CloseEvent | null): boolean => event?.code === BoardCloseCode.NOT_FOUND && parseBoardCloseReason(event.reason)?.reason === 'DOC_REMOVED'

/** Whether a close is final: the credential no longer opens the board, or board or event are gone. */
const isFinalClose = (event: CloseEvent | null): boolean => event?.code === BoardCloseCode.UNAUTHORIZED || event?.code === BoardCloseCode.NOT_FOUND

function boardsUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/yjs`
}

export interface BoardTarget {
  eventId: string
  tableId: string
  token: string
  /** Who writes cards from this screen. */
  authorId: string
  /** Keep the doc on the device (phones): unsent cards survive reloads and offline time. */
  keepLocal: boolean
  /** Another doc of the board's kind than the table's (a workshop's board); absent: the table's. */
  docName?: string
  /** The socket also carries the event's control plane (a seated phone: one connection, not two). */
  control?: boolean
  /** Opened only to send what this device left unsent there (after a reload): released once its copy is loaded. */
  leaving?: boolean
}

const controlParams = (target: BoardTarget): Record<string, string> => (target.control ? { [CONTROL_QUERY_PARAM]: CONTROL_QUERY_VALUE } : {})

/** Whether this screen has the board open (for any part of it). */
export const isBoardOpen = (docName: string): boolean => open.has(docName)

/** The open board's socket, for the control plane it carries. */
export function boardProvider(docName: string): WebsocketProvider | null {
  return open.get(docName)?.provider ?? null
}

/**
 * Opens a table's board and mirrors it into the store. Returns a release function; the board
 * closes when its last user releases it.
 */
export function connectBoard(target: BoardTarget): () => void {
  const docName = target.docName ?? boardDocName(target.eventId, target.tableId)
  const existing = open.get(docName)
  if (existing) {
    existing.users++
    // Opened first by a part that writes nothing (a vote, the host's moderation, rendered before the
    // phone's own board): the phone's cards are written under its participant, not under nobody.
    if (!existing.authorId && target.authorId) existing.authorId = target.authorId
    // …and keeps its copy on the device, as the phone's own opening would have (offline cards survive a reload).
    if (target.keepLocal && !existing.local) existing.keepLocal()
    // Opened for the board alone, now asked to carry the control plane too: reconnect with it.
    if (target.control && !(CONTROL_QUERY_PARAM in existing.provider.params)) {
      existing.provider.params = { ...existing.provider.params, ...controlParams(target) }
      if (existing.provider.shouldConnect) {
        existing.provider.disconnect()
        existing.provider.connect()
      }
    }
    return existing.release
  }
  const doc = new Y.Doc()
  let saved = readSavedVector(docName)
  let status: BoardStatus = 'connecting'
  // A refusal stays until the person hides it: across further cards, reloads and a browser that
  // dropped the sleeping tab (the server has taken the card off the board by then, the device copy too).
  const kept = readRefusal(docName)
  let refused: BoardRefusal | null = (kept?.reason as BoardRefusal | undefined) ?? null
  let refusedTexts: string[] = kept?.texts ?? []
  let local = target.keepLocal ? new IndexeddbPersistence(deviceCopyName(docName), doc) : null
  const provider = new WebsocketProvider(boardsUrl(), docName, doc, {
    params: { token: target.token, ...controlParams(target) },
    maxBackoffTime: 5000,
    // The device's copy first, then the server: otherwise the copy, loaded while connected, is sent
    // as one big update holding everyone's cards, which the server rightly refuses.
    connect: local === null,
    // Only a revoked credential or a missing board is final. A refused write (4400/4403), a
    // connection over its pace (4429) or the server's storage trouble (4507) pass: try again.
    shouldReconnect: (event) => !isFinalClose(event),
  })

  /**
   * Released while own cards were not yet saved (the phone went to another table offline, or on a
   * socket not yet found dead): the board stays connected until the server has them or refused them
   * (then shown with the other tables' refusals), then closes.
   */
  let sending = false
  const sync = () => {
    const unsaved = pendingCardIds(doc, saved)
    useTischStore.setState((s) => ({ boards: { ...s.boards, [docName]: { cards: readSnapshot(doc).cards, unsaved, status, refused, refusedTexts } } }))
    if (sending && unsaved.length === 0 && board.users === 0) setTimeout(close, 0)
  }
  const setStatus = (next: BoardStatus) => {
    if (status === 'denied') return
    status = next
    sync()
  }

  // Tischrunde's own messages, decoded by the shared codec; anything that does not decode is ignored.
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    const message = readSaved(decoder)
    if (!message) return
    saved = Y.decodeStateVector(message.stateVector)
    keepSaved(docName, message.stateVector)
    sync()
  }
  provider.messageHandlers[MESSAGE_REFUSED] = (_encoder, decoder) => {
    const message = readRefused(decoder)
    if (!message) return
    refused = message.reason
    refusedTexts = withRefusedTexts(refusedTexts, message.texts)
    keepRefusal(docName, { reason: refused, texts: refusedTexts })
    sync()
  }
  provider.on('sync', (isSynced: boolean) => setStatus(isSynced ? 'synced' : 'connecting'))
  provider.on('status', ({ status: s }: { status: string }) => {
    if (s === 'disconnected') setStatus('offline')
  })
  const stopFollowing = followBrowserOnline({
    offline: () => setStatus('offline'),
    online: () => {
      if (status === 'offline' && provider.wsconnected) setStatus(provider.synced ? 'synced' : 'connecting')
    },
  })
  let failures = 0
  let refusedInARow = 0
  /** When the current connection synced (null: it has not, or there is none). */
  let syncedAt: number | null = null
  provider.on('sync', (isSynced: boolean) => {
    if (!isSynced) return
    syncedAt = Date.now()
    failures = 0
  })
  provider.on('connection-close', (event: CloseEvent | null) => {
    // The table was removed: the credential still holds (no new identity); the event as it is now
    // takes the phone to the table choice.
    if (isBoardGone(event)) {
      provider.disconnect()
      // Left with cards that now have nowhere to go: their texts to copy, and the board closes.
      if (board.users === 0) return void (keepUnsentTexts('DOC_REMOVED'), close())
      return refreshEvent()
    }
    if (isFinalClose(event)) return deny()
    // The server refuses what this device's copy holds on every connect (the board was reset
    // since, e.g. after a rehearsal): keep the own unsent texts, drop the copy, start afresh.
    // Only a connection that synced and held for a while ends a run of refusals. Attempts that
    // failed in between (the Wi-Fi gone for a moment) do not: the server counts the refusals on
    // regardless, and a phone that needed a third one would be kept out for a while after it
    // replaced its copy (server/src/boards/offenders.ts).
    const held = syncedAt !== null && Date.now() - syncedAt > STABLE_CONNECTION_MS
    syncedAt = null
    if (held) refusedInARow = 0
    if (event && local && refusesStaleCopy(event) && ++refusedInARow >= STALE_COPY_REFUSALS) return void resetStaleCopy()
    // A refused upgrade looks like any network failure to the browser: ask the API whether the
    // credential still holds, at the 2nd, 4th, 8th … failure in a row (the first ask may have found
    // no network either; the link renewed or the table removed later must still be found out).
    // A close the board made itself (to reconnect with its copy, or for good) is no failure.
    if (event === null && !provider.shouldConnect) return
    failures = provider.synced ? 0 : failures + 1
    if (failures >= 2 && (failures & (failures - 1)) === 0) {
      // The event as it is now, not as this device last saw it (a table removed while it was away).
      api.publicView(target.eventId, target.token).then(takeEvent, (e: { code?: string; failure?: { params?: { deleted?: unknown } } }) => {
        if (e.code === 'UNAUTHORIZED') deny()
        // The event is gone (deleted while this screen was away): the screen says "gelöscht".
        else if (e.code === 'NOT_FOUND' && e.failure?.params?.deleted === true) {
          deny()
          useTischStore.setState({ controlStatus: 'deleted', round: null })
        }
      })
    }
  })
  /** The rescued texts could not be stored: the copy goes once they are hidden (copied). */
  let resetAfterHide = false
  /** This phone's unsent texts, with what is kept already (a reset that runs twice keeps each once). */
  const unsentTexts = () => {
    const unsent = new Set(pendingCardIds(doc, saved))
    const texts = readSnapshot(doc)
      .cards.filter((c) => c.authorId === board.authorId && unsent.has(c.id))
      .map((c) => [c.text, ...c.subPoints.map((p) => `– ${p.text}`)].join('\n'))
    return withRefusedTexts(readRefusal(docName)?.texts ?? [], texts)
  }
  const keepUnsentTexts = (reason: string) => {
    const texts = unsentTexts()
    if (texts.length > 0) keepRefusal(docName, { reason, texts })
    useTischStore.setState((s) => ({ boards: { ...s.boards, [docName]: { cards: [], unsaved: [], status, refused: reason as BoardRefusal, refusedTexts: texts } } }))
  }
  const resetStaleCopy = async (shown = false) => {
    provider.disconnect()
    const rescue = { reason: 'STALE_COPY' as const, texts: unsentTexts() }
    // Kept nowhere else once the copy goes: a storage that did not take them keeps the copy and
    // shows the texts here, until the person has copied and hidden them.
    if (!shown && !keepRefusal(docName, rescue)) {
      refused = rescue.reason
      refusedTexts = rescue.texts
      resetAfterHide = true
      return sync()
    }
    keepSaved(docName, null)
    if (local) await dropDeviceCopy(local)
    window.location.reload()
  }
  const takeEvent = (view: { event: TischEvent }) => useTischStore.setState({ event: view.event })
  const refreshEvent = () => void api.publicView(target.eventId, target.token).then(takeEvent, () => {})
  const deny = () => {
    status = 'denied'
    provider.disconnect()
    sync()
    // Left with unsent cards, and now refused for good: nothing more will get through.
    if (sending && board.users === 0) close()
  }
  doc.on('update', sync)
  // A card the server takes off the board (hidden by a moderator) leaves the device copy too.
  purgeRemovedRecords(doc, 'cards', local)
  sync()
  /**
   * Connects once the device's copy is loaded, or after 2 s if IndexedDB does not answer (some
   * private browsing modes): cards must still get through. The copy first, then the server:
   * otherwise the copy, loaded while connected, went as one big update the server refuses.
   */
  const connectAfterCopy = (copy: IndexeddbPersistence) => {
    const connect = () => open.get(docName) === board && !provider.shouldConnect && provider.connect()
    void copy.whenSynced.then(() => (target.leaving && board.release(), connect()))
    setTimeout(connect, LOCAL_COPY_WAIT_MS)
  }

  const board: OpenBoard = {
    clearRefusal: () => {
      refused = null
      refusedTexts = []
      keepRefusal(docName, null)
      sync()
      if (resetAfterHide) void resetStaleCopy(true)
    },
    keepLocal: () => {
      if (local) return
      provider.disconnect()
      local = board.local = new IndexeddbPersistence(deviceCopyName(docName), doc)
      purgeRemovedRecords(doc, 'cards', local)
      connectAfterCopy(local)
    },
    doc,
    provider,
    local,
    users: 1,
    authorId: target.authorId,
    release: () => {
      if (--board.users > 0) return
      if (pendingCardIds(doc, saved).length === 0 || status === 'denied') return close()
      sending = true
      // Under the participant who wrote (a part that writes nothing may have opened it first, with none).
      if (board.authorId) noteLeftBoard(target.eventId, docName, { docName, tableId: target.tableId, token: target.token, authorId: board.authorId })
      // Its seat is at another table now: this socket carries the board alone.
      if (CONTROL_QUERY_PARAM in provider.params) {
        const { [CONTROL_QUERY_PARAM]: _control, ...params } = provider.params
        provider.params = params
        if (provider.shouldConnect) {
          provider.disconnect()
          provider.connect()
        }
      }
    },
  }
  function close() {
    if (open.get(docName) !== board || board.users > 0) return
    open.delete(docName)
    if (sending || target.leaving) noteLeftBoard(target.eventId, docName, null)
    stopFollowing()
    provider.destroy()
    void local?.destroy()
    doc.destroy()
  }
  open.set(docName, board)
  if (local) connectAfterCopy(local)
  return board.release
}

/** The person has read a refusal (and copied its texts): it goes, whether its board is still open or not. */
export function dismissRefusal(docName: string): void {
  const board = open.get(docName)
  if (board) return board.clearRefusal()
  keepRefusal(docName, null)
  useTischStore.setState((s) => {
    const kept = s.boards[docName]
    return kept ? { boards: { ...s.boards, [docName]: { ...kept, refused: null, refusedTexts: [] } } } : {}
  })
}

function requireBoard(docName: string): OpenBoard {
  const board = open.get(docName)
  if (!board) throw new Error(`board ${docName} is not open`)
  return board
}

/** Adds a card at the end of a column. Works offline; the server gets it when the phone reconnects. */
export function addCard(
  docName: string,
  input: { stationId: string; columnId: string; text: string; subPoints: string[]; authorName?: string | undefined },
  ids: { cardId: string; subPointIds: string[] },
  now = Date.now(),
): Card {
  const { doc, authorId } = requireBoard(docName)
  const card: Card = {
    id: ids.cardId,
    stationId: input.stationId,
    columnId: input.columnId,
    text: input.text,
    subPoints: input.subPoints.map((text, i) => ({ id: ids.subPointIds[i]!, text })),
    authorId,
    ...(input.authorName ? { authorName: input.authorName } : {}),
    createdAt: now,
    position: nextPosition(doc, input.stationId, input.columnId),
  }
  putCard(doc, card)
  return card
}

export function changeCard(docName: string, cardId: string, change: { text?: string; subPoints?: SubPoint[]; alternatives?: CardAlternative[] }): boolean {
  return editCard(requireBoard(docName).doc, cardId, change)
}

export function removeCard(docName: string, cardId: string): void {
  deleteCard(requireBoard(docName).doc, cardId)
}
