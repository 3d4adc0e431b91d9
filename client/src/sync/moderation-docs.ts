import { type HeldCard, MESSAGE_REFUSED, MESSAGE_SAVED, type ModerationModes, modstateDocName, readHeld, readModes } from '@tischrunde/shared'
import { useMemo, useSyncExternalStore } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/**
 * Read-only docs of the moderation kinds (the queue, the hidden cards, one's own held cards, the
 * event's modes), opened while a component shows them. Nothing of them is kept on the device:
 * whatever the server takes out of them is gone from the screen with it.
 */
interface OpenDoc {
  doc: Y.Doc
  provider: WebsocketProvider
  users: number
  version: number
  /** Whether the server's state arrived (until then the doc reads as empty: no mode on). */
  synced: boolean
  listeners: Set<() => void>
}
const open = new Map<string, OpenDoc>()

function docsUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/yjs`
}

function acquire(docName: string, token: string): OpenDoc {
  const key = `${docName}\u0000${token}`
  const existing = open.get(key)
  if (existing) {
    existing.users++
    return existing
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(docsUrl(), docName, doc, {
    params: { token },
    maxBackoffTime: 5000,
    disableBc: true,
    // A doc this role may not open is refused before the upgrade: no use retrying it.
    shouldReconnect: (event: CloseEvent | null) => event?.code !== 4401 && event?.code !== 4404,
  })
  // Read only: the server's "saved" and "refused" notes (sent to every doc socket) carry nothing here.
  provider.messageHandlers[MESSAGE_SAVED] = () => {}
  provider.messageHandlers[MESSAGE_REFUSED] = () => {}
  const entry: OpenDoc = { doc, provider, users: 1, version: 0, synced: false, listeners: new Set() }
  const changed = () => {
    entry.version++
    entry.listeners.forEach((l) => l())
  }
  doc.on('update', changed)
  provider.on('sync', (synced: boolean) => {
    if (synced === entry.synced) return
    entry.synced = synced
    changed()
  })
  open.set(key, entry)
  return entry
}

function release(docName: string, token: string): void {
  const key = `${docName}\u0000${token}`
  const entry = open.get(key)
  if (!entry || --entry.users > 0) return
  open.delete(key)
  entry.provider.destroy()
  entry.doc.destroy()
}

const EMPTY_DOC = new Y.Doc()

/** Reads a doc the screen may open (null name: none) and re-reads it on every change. */
function useReadDoc<T>(docName: string | null, token: string | null, read: (doc: Y.Doc, synced: boolean) => T): T {
  const store = useMemo(() => {
    if (!docName || !token) return { subscribe: () => () => {}, snapshot: () => 0, doc: () => EMPTY_DOC, synced: () => false }
    let entry: OpenDoc | null = null
    return {
      subscribe(listener: () => void) {
        entry = acquire(docName, token)
        entry.listeners.add(listener)
        listener()
        return () => {
          entry?.listeners.delete(listener)
          release(docName, token)
          entry = null
        }
      },
      snapshot: () => entry?.version ?? -1,
      doc: () => entry?.doc ?? EMPTY_DOC,
      synced: () => entry?.synced ?? false,
    }
  }, [docName, token])
  const version = useSyncExternalStore(store.subscribe, store.snapshot)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- re-read on every version of the doc
  return useMemo(() => read(store.doc(), store.synced()), [store, version])
}

/** The held cards of a moderation, collect or own doc (by its name), oldest first. */
export const useHeldCards = (docName: string | null, token: string | null): HeldCard[] => useReadDoc(docName, token, readHeld)

/** The held cards of a doc and whether the server's state of them arrived (until then the list reads empty). */
export const useHeldCardsState = (docName: string | null, token: string | null): { held: HeldCard[]; synced: boolean } =>
  useReadDoc(docName, token, (doc, synced) => ({ held: readHeld(doc), synced }))

/** The event's approval and collect modes and counts of collected cards. */
export const useModerationModes = (eventId: string | null, token: string | null): ModerationModes => useReadDoc(eventId === null ? null : modstateDocName(eventId), token, readModes)

/** The modes and whether the server's state of them arrived: a switch shown "off" before it did may be on. */
export const useModerationModesState = (eventId: string, token: string): { modes: ModerationModes; synced: boolean } =>
  useReadDoc(modstateDocName(eventId), token, (doc, synced) => ({ modes: readModes(doc), synced }))
