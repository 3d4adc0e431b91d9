import type * as Y from 'yjs'
import type { z } from 'zod'
import type { EventActor } from '../access/actor.js'
import type { WriteRefusal } from '../doc/board-write-rules.js'
import type { Origin } from '../doc/board-doc.js'
import type { TischEvent } from '../event/event.schema.js'
import type { RoundState } from '../rounds/round.schema.js'
import type { ForgetAuthor, ForgetWrite } from '../privacy/forget-author.js'
import type { WorkshopSituation } from '../programme/workshop-board.js'

/**
 * What a role may do with one doc: write to it, only read it, or not open it at all. "none" is
 * decided before the socket upgrades, so such a client never receives a byte of the doc.
 */
export type DocAccess = 'write' | 'read' | 'none'

/**
 * Which doc of an event: the kind, the event, and the kind's own key parts (a table, a group, a
 * participant …), in the order of the kind's `scopeParts`.
 */
export interface DocScope {
  kind: string
  eventId: string
  parts: Readonly<Record<string, string>>
}

/** What the server knows of an event when it judges a write or an audience: its setup and round. */
export interface EventSituation {
  event: TischEvent
  round: RoundState
  /** The group the server placed a participant in (tree method); absent or null: none. */
  treeGroupOf?: (participantId: string) => string | null
  /** The day's workshops and who booked which (workshop boards); absent: none known. */
  workshops?: WorkshopSituation | undefined
}

/** One root of a doc: a Y.Map of whole records keyed by id. */
export interface RootSpec {
  /** Schema of one record (strict: unknown keys are refused). */
  record: z.ZodType
  /** The record field that must equal its map key (e.g. a card's `id`); absent: any key. */
  keyField?: string
  /** Who writes the root: clients (through the write gate) or only the server. @default 'clients' */
  writers?: 'clients' | 'server'
  /** What a record failing `record` or `keyField` is refused as. @default 'INVALID_RECORD' */
  refusal?: WriteRefusal
  /** A record a client deleted never comes back under its key (an offline edit of it is refused). */
  tombstones?: boolean
  /**
   * Record fields whose values the server counts as records change (e.g. a card's `authorId`), so
   * a rule can ask "how many cards has this person written" without reading the whole doc.
   */
  countBy?: readonly string[]
  /**
   * A number field whose largest value the server keeps per group of records that agree in the
   * `groupBy` fields (e.g. a card's `position` per station and column), so placing a new record
   * last does not read the whole doc.
   */
  maxBy?: { field: string; groupBy: readonly string[] }
}

/** One changed key of a root map, seen by a kind's rules: its record before and after (undefined: absent). */
export interface RecordChange {
  root: string
  key: string
  before: unknown
  after: unknown
}

/** Read access to a doc as it would be after the change (the rules see the whole doc, not one record). */
export interface DocView {
  get(root: string, key: string): unknown
  forEach(root: string, fn: (value: unknown, key: string) => void): void
  /** How many records a root holds, kept by the server as records change; absent: count with `forEach`. */
  size?(root: string): number
  /** How many records of a root have `field` equal to `value`, for a field in the root's `countBy`; absent: count with `forEach`. */
  countBy?(root: string, field: string, value: string): number
  /**
   * The largest `field` among the records of a root whose `groupBy` fields equal `group`, leaving
   * out the record under the key `except`; null: no such record. Only for the root's `maxBy`;
   * absent, or undefined: read it with `forEach`.
   */
  maxOf?(root: string, group: readonly string[], except: string): number | null | undefined
}

/** The context part naming the records an update adds together (see `ChangeContext.addedTogether`); empty for one or none. */
export function addedTogether(changes: readonly RecordChange[]): Pick<ChangeContext, 'addedTogether'> {
  const added = changes.filter((c) => c.before === undefined && c.after !== undefined)
  return added.length > 1 ? { addedTogether: new Set(added.map((c) => c.key)) } : {}
}

/** How many records of a root a view holds (with `field` equal to `value`, when given), counted by the server if it can. */
export function countRecords(doc: DocView, root: string, where?: { field: string; value: string }): number {
  if (!where) {
    if (doc.size) return doc.size(root)
  } else if (doc.countBy) return doc.countBy(root, where.field, where.value)
  let n = 0
  doc.forEach(root, (value) => {
    if (!where || (typeof value === 'object' && value !== null && (value as Record<string, unknown>)[where.field] === where.value)) n++
  })
  return n
}

/** Everything a kind's change rule may look at. */
export interface ChangeContext {
  actor: EventActor
  scope: DocScope
  situation: EventSituation
  /** The doc with the change applied. */
  doc: DocView
  /** The server's clock, in ms. */
  now: number
  /**
   * Keys of the records the same update adds, when it adds more than one (a phone's cards typed
   * offline arrive together): a rule that places a new record after the others places it after
   * those already there, not after its own batch.
   */
  addedTogether?: ReadonlySet<string>
}

/**
 * A kind of Yjs doc the app has: its name pattern and scope, its roots with their record schemas,
 * pure change rules and its audience. The update pre-check, the write gate, the rooms and the
 * access policy take everything from here and name no kind themselves, so a new method (a problem
 * tree, a vote) is a new kind in a new folder.
 * @example DOC_KINDS.find((k) => k.name === 'board')
 */
export interface DocKind {
  /** First segment of every doc name of this kind, e.g. `board` in `board.<event>.<table>`. */
  readonly name: string
  /** Names of the key parts after the event id, e.g. `['tableId']`. */
  readonly scopeParts: readonly string[]
  /** Pattern each key part must match (ids on the wire and in file names). */
  readonly partPattern?: Readonly<Record<string, RegExp>>
  readonly roots: Readonly<Record<string, RootSpec>>
  /** Whether the scope exists in the event (e.g. the table is one of the event's tables). */
  exists(scope: DocScope, situation: EventSituation): boolean
  /** Who may open and write this doc. The policy asks this; nothing else decides it. */
  audience(actor: EventActor, scope: DocScope, situation: EventSituation): DocAccess
  /** Pure rule over all changes of one client update: null when they may be stored. */
  checkChanges(changes: readonly RecordChange[], ctx: ChangeContext): WriteRefusal | null
  /** Prepares a doc the server has just loaded (e.g. stamps the layout version). */
  init?(doc: Y.Doc, origin: Origin): void
  /**
   * What the server stores in place of a record a client just wrote, or null to keep it: fields
   * the server decides (order, time) are set here, so no client can place its record first.
   */
  normalize?(change: RecordChange, ctx: ChangeContext): unknown
  /**
   * Keeps a version that lost against a concurrent write (a host's correction and its author's
   * offline edit): returns the record to store with the lost version kept visibly, or null to keep
   * the current record as it is. Without this hook lost versions are dropped.
   */
  keepLost?(current: unknown, lost: unknown): unknown
  /**
   * "Meine Beiträge löschen": what to delete (or keep without author) of what a participant wrote
   * in this doc. A kind without this hook holds nothing a participant writes.
   */
  forgetAuthor?: ForgetAuthor
  /**
   * After "Meine Beiträge löschen" has gone through every doc of the event: what this doc keeps of
   * records deleted there (`deleted`, their keys in any doc of the event) goes too, e.g. an
   * objective still carrying a deleted problem's text as its placeholder.
   */
  forgetDerived?: (doc: DocView, deleted: ReadonlySet<string>) => ForgetWrite[]
}
