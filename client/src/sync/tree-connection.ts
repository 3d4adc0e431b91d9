import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { BoardCloseCode, MESSAGE_REFUSED, MESSAGE_SAVED, parseBoardCloseReason, TREE_NODES_ROOT, type TreeNode, type TreePhase, readRefused, readTree, treeNodeSchema } from '@tischrunde/shared'
import { type TreeDenial, type TreeStatus, useTreeStore } from '../store/tree-store.js'
import { followBrowserOnline } from './browser-online.js'
import { dropDeviceCopy } from './purge-device-copy.js'
import { withRefusedTexts } from './refused-texts.js'

/** The only place where Yjs meets tree screens: open tree docs, keyed by doc name. */
interface OpenTree {
  doc: Y.Doc
  users: number
  release: () => void
  /** A new write of this screen: the last refusal is no longer news. */
  wrote: () => void
}
const open = new Map<string, OpenTree>()

/** Which tree a screen opens. */
export interface TreeTarget {
  eventId: string
  groupId: string
  phase: TreePhase
  token: string
  /** Keep the doc on the device (phones): nodes written offline survive reloads. */
  keepLocal: boolean
}

/** The doc name of a group's tree (`tree.<event>.<group>.<phase>`). */
export function treeDocName(eventId: string, groupId: string, phase: TreePhase): string {
  return `tree.${eventId}.${groupId}.${phase}`
}

/** A connection open this long before a refusal is not refused for its device copy (ms). */
const STABLE_CONNECTION_MS = 5000

/**
 * Why a close is final, or null when the tree may be tried again: the credential no longer opens it
 * (4401), this person is no longer in its group (4403: every reconnect would be refused the same),
 * or group or event are gone (4404).
 */
function finalClose(event: CloseEvent | null): TreeDenial | null {
  if (event?.code === BoardCloseCode.UNAUTHORIZED) return 'link'
  if (event?.code === BoardCloseCode.FORBIDDEN) return 'access'
  if (event?.code === BoardCloseCode.NOT_FOUND) return parseBoardCloseReason(event.reason)?.reason === 'EVENT_DELETED' ? 'event' : 'removed'
  return null
}

const docsUrl = () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/yjs`

/** Opens a group's tree and mirrors its read model into the tree store; returns a release function. */
export function connectTree(target: TreeTarget): () => void {
  const docName = treeDocName(target.eventId, target.groupId, target.phase)
  const existing = open.get(docName)
  if (existing) {
    existing.users++
    return existing.release
  }
  const doc = new Y.Doc()
  const local = target.keepLocal ? new IndexeddbPersistence(`tischrunde.${docName}`, doc) : null
  const provider = new WebsocketProvider(docsUrl(), docName, doc, {
    params: { token: target.token },
    maxBackoffTime: 5000,
    connect: local === null,
    shouldReconnect: (event) => finalClose(event) === null,
  })
  let status: TreeStatus = 'connecting'
  let refused: string | null = null
  /** The texts of the refused write (the server took and undid it), for the writer to keep. */
  let refusedTexts: string[] = []
  let denied: TreeDenial | null = null
  const sync = () => useTreeStore.setState((s) => ({ trees: { ...s.trees, [docName]: { view: readTree(doc), status, refused, refusedTexts, denied } } }))
  // The server's "saved" note (how far this device's writes are stored) is not shown here.
  provider.messageHandlers[MESSAGE_SAVED] = () => {}
  provider.messageHandlers[MESSAGE_REFUSED] = (_encoder, decoder) => {
    const message = readRefused(decoder)
    if (!message) return
    refused = message.reason
    refusedTexts = withRefusedTexts(refusedTexts, message.texts)
    sync()
  }
  provider.on('sync', (isSynced: boolean) => {
    // The provider reports "not synced" right after the close that denied the tree: denied stays.
    if (status === 'denied') return
    status = isSynced ? 'synced' : 'connecting'
    sync()
  })
  provider.on('status', ({ status: s }: { status: string }) => {
    if (s === 'disconnected' && status !== 'denied') status = 'offline'
    sync()
  })
  const stopFollowing = followBrowserOnline({
    offline: () => {
      if (status === 'denied') return
      status = 'offline'
      sync()
    },
    online: () => {
      if (status !== 'offline' || !provider.wsconnected) return
      status = provider.synced ? 'synced' : 'connecting'
      sync()
    },
  })
  // A write that broke the tree only together with someone else's concurrent one (two phones adding
  // the core problem at once, two moves into a loop) is refused on every reconnect, because the
  // device copy sends it again. After the second such refusal right after connecting, the copy is
  // dropped and the page starts afresh from the server's tree.
  let refusedInARow = 0
  let connectedAt = 0
  provider.on('status', ({ status: s }: { status: string }) => {
    if (s === 'connected') connectedAt = Date.now()
  })
  provider.on('connection-close', (event: CloseEvent | null) => {
    const final = finalClose(event)
    if (final) {
      status = 'denied'
      denied = final
    }
    if (event?.code === BoardCloseCode.INVALID_MESSAGE) {
      refused = 'INVALID_RECORD'
      refusedTexts = []
      if (Date.now() - connectedAt > STABLE_CONNECTION_MS) refusedInARow = 0
      if (local && parseBoardCloseReason(event.reason)?.reason === 'INVALID_RECORD' && ++refusedInARow >= 2) void resetCopy()
    }
    sync()
  })
  const resetCopy = async () => {
    provider.disconnect()
    if (local) await dropDeviceCopy(local)
    window.location.reload()
  }
  doc.on('update', sync)
  sync()
  const tree: OpenTree = {
    doc,
    users: 1,
    wrote: () => {
      if (refused === null) return
      refused = null
      refusedTexts = []
      sync()
    },
    release: () => {
      if (--tree.users > 0) return
      open.delete(docName)
      stopFollowing()
      provider.destroy()
      void local?.destroy()
      doc.destroy()
    },
  }
  open.set(docName, tree)
  if (local) void local.whenSynced.then(() => open.get(docName) === tree && !provider.shouldConnect && provider.connect())
  return tree.release
}

/** Writes a node whole (adds it, or replaces it: an edit or a move). False when it is not a valid node or the tree is not open. */
export function putTreeNode(docName: string, node: TreeNode): boolean {
  const tree = open.get(docName)
  const parsed = treeNodeSchema.safeParse(node)
  if (!tree || !parsed.success) return false
  tree.wrote()
  tree.doc.getMap(TREE_NODES_ROOT).set(node.id, parsed.data)
  return true
}

/** Deletes a node (without children: the server refuses orphans). */
export function removeTreeNode(docName: string, nodeId: string): void {
  const tree = open.get(docName)
  tree?.wrote()
  tree?.doc.getMap(TREE_NODES_ROOT).delete(nodeId)
}

/**
 * Writes a facilitator's edit (records to put, ids to delete) in one transaction, so the server
 * judges the tree after the whole edit, never half of it. False when a record is not a valid node.
 */
export function applyTreeEdit(docName: string, edit: { put: readonly TreeNode[]; remove: readonly string[] }): boolean {
  const tree = open.get(docName)
  if (!tree) return false
  const records = edit.put.map((n) => treeNodeSchema.safeParse(n))
  if (records.some((r) => !r.success)) return false
  const map = tree.doc.getMap(TREE_NODES_ROOT)
  tree.wrote()
  tree.doc.transact(() => {
    for (const id of edit.remove) map.delete(id)
    for (const r of records) if (r.success) map.set(r.data.id, r.data)
  })
  return true
}
