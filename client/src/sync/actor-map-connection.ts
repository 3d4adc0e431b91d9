import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  ACTORS_ROOT,
  ACTOR_AREAS_ROOT,
  ACTOR_BODIES_ROOT,
  ACTOR_COLUMNS_ROOT,
  type ActorColumnChoice,
  actorColumnChoiceSchema,
  ACTOR_RULES_ROOT,
  type ActorAreaName,
  type ActorBody,
  type ActorMapChange,
  type ActorRecord,
  type ActorRule,
  BoardCloseCode,
  MESSAGE_REFUSED, MESSAGE_SAVED,
  actorAreaNameSchema,
  actorBodySchema,
  actorRecordSchema,
  actorMapShownDocName,
  actorRuleSchema,
  readRefused,
} from '@tischrunde/shared'

/** What a screen sees of the event's actor map. */
export interface ActorMapView {
  status: 'connecting' | 'synced' | 'offline' | 'denied'
  actors: ActorRecord[]
  rules: Map<string, ActorRule>
  bodies: ActorBody[]
  areaNames: Map<string, string>
  /** The facilitator's choices which columns name actors (`station/column` → on). */
  columnChoices: Map<string, boolean>
  /** The last write the server refused (a code), if any. */
  refused: string | null
}

interface OpenMap {
  doc: Y.Doc
  provider: WebsocketProvider
  view: ActorMapView
  listeners: Set<() => void>
  users: number
}

const open = new Map<string, OpenMap>()
const EMPTY: ActorMapView = { status: 'connecting', actors: [], rules: new Map(), bodies: [], areaNames: new Map(), columnChoices: new Map(), refused: null }

function readValid<T>(doc: Y.Doc, root: string, schema: { safeParse(v: unknown): { success: boolean; data?: T } }): T[] {
  const out: T[] = []
  doc.getMap(root).forEach((value) => {
    const parsed = schema.safeParse(value)
    if (parsed.success && parsed.data !== undefined) out.push(parsed.data)
  })
  return out
}

const docsUrl = () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/yjs`

/**
 * Which copy of the actor map a screen opens: the one facilitators and table hosts edit
 * (`actors.<event>`), or the one phones and projectors read (`actorview.<event>`, without contact persons).
 */
export type ActorMapCopy = 'edit' | 'shown'

/** The doc name of an event's actor map copy. */
export const actorMapDocName = (eventId: string, copy: ActorMapCopy = 'edit') => (copy === 'shown' ? actorMapShownDocName(eventId) : `actors.${eventId}`)

function connect(name: string, token: string): OpenMap {
  const existing = open.get(name)
  if (existing) {
    existing.users++
    return existing
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(docsUrl(), name, doc, {
    params: { token },
    maxBackoffTime: 5000,
    shouldReconnect: (event) => event?.code !== BoardCloseCode.UNAUTHORIZED && event?.code !== BoardCloseCode.NOT_FOUND,
  })
  const entry: OpenMap = { doc, provider, view: EMPTY, listeners: new Set(), users: 1 }
  const update = (patch: Partial<ActorMapView> = {}) => {
    entry.view = {
      ...entry.view,
      ...patch,
      actors: readValid(doc, ACTORS_ROOT, actorRecordSchema),
      rules: new Map(readValid(doc, ACTOR_RULES_ROOT, actorRuleSchema).map((r) => [r.key, r])),
      bodies: readValid(doc, ACTOR_BODIES_ROOT, actorBodySchema),
      areaNames: new Map(readValid<ActorAreaName>(doc, ACTOR_AREAS_ROOT, actorAreaNameSchema).map((a) => [a.id, a.name])),
      columnChoices: new Map(readValid<ActorColumnChoice>(doc, ACTOR_COLUMNS_ROOT, actorColumnChoiceSchema).map((c) => [c.id, c.on])),
    }
    for (const l of entry.listeners) l()
  }
  // The server's "saved" note (how far this device's writes are stored) is not shown here.
  provider.messageHandlers[MESSAGE_SAVED] = () => {}
  provider.messageHandlers[MESSAGE_REFUSED] = (_encoder, decoder) => {
    const message = readRefused(decoder)
    if (message) update({ refused: message.reason })
  }
  provider.on('sync', (synced: boolean) => update({ status: synced ? 'synced' : 'connecting' }))
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected' && entry.view.status !== 'denied') update({ status: 'offline' })
  })
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event?.code === BoardCloseCode.UNAUTHORIZED || event?.code === BoardCloseCode.NOT_FOUND) update({ status: 'denied' })
  })
  doc.on('update', () => update())
  open.set(name, entry)
  return entry
}

function release(name: string): void {
  const entry = open.get(name)
  if (!entry || --entry.users > 0) return
  open.delete(name)
  entry.provider.destroy()
  entry.doc.destroy()
}

/** Opens the event's actor map (counted: the last release closes it). */
export function openActorMap(eventId: string, token: string, copy: ActorMapCopy = 'edit'): () => void {
  const name = actorMapDocName(eventId, copy)
  connect(name, token)
  return () => release(name)
}

/** Listens to the open actor map's changes; returns the unsubscribe function. */
export function subscribeActorMap(eventId: string, listener: () => void, copy: ActorMapCopy = 'edit'): () => void {
  const name = actorMapDocName(eventId, copy)
  open.get(name)?.listeners.add(listener)
  // The doc may open after the first render: check again once mounted.
  queueMicrotask(listener)
  return () => void open.get(name)?.listeners.delete(listener)
}

/** What the actor map holds now (an empty map until it opens). */
export function actorMapSnapshot(eventId: string, copy: ActorMapCopy = 'edit'): ActorMapView {
  return open.get(actorMapDocName(eventId, copy))?.view ?? EMPTY
}

/** Writes a change (whole records) to the open actor map (the copy to edit) in one transaction. */
export function writeActorMap(eventId: string, change: Partial<ActorMapChange> & { bodies?: ActorBody[]; removeBodies?: string[]; areas?: ActorAreaName[]; columns?: ActorColumnChoice[] }): void {
  const entry = open.get(actorMapDocName(eventId))
  if (!entry) return
  const { doc } = entry
  doc.transact(() => {
    for (const id of change.remove ?? []) doc.getMap(ACTORS_ROOT).delete(id)
    for (const a of change.put ?? []) doc.getMap(ACTORS_ROOT).set(a.id, a)
    for (const r of change.rules ?? []) doc.getMap(ACTOR_RULES_ROOT).set(r.key, r)
    for (const id of change.removeBodies ?? []) doc.getMap(ACTOR_BODIES_ROOT).delete(id)
    for (const b of change.bodies ?? []) doc.getMap(ACTOR_BODIES_ROOT).set(b.id, b)
    for (const a of change.areas ?? []) doc.getMap(ACTOR_AREAS_ROOT).set(a.id, a)
    for (const c of change.columns ?? []) doc.getMap(ACTOR_COLUMNS_ROOT).set(c.id, c)
  })
}
