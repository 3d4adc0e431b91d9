import {
  type CachedRound,
  type DeviceIdentity,
  type PublicEventView,
  cachedEventViewSchema,
  cachedRoundSchema,
  deviceIdentitySchema,
  deviceKeySchema,
  deviceLanguageSchema,
  deviceMutedSchema,
  deviceNameSchema,
  deviceTableSchema,
  deviceTokenSchema,
  deviceVisitsSchema,
  draftTextSchema,
  keptRefusalSchema,
  LEFT_BOARDS_MAX,
  type LeftBoard,
  leftBoardSchema,
  leftBoardsSchema,
  parseStored,
  parseStoredText,
  savedVectorSchema,
  tableclothsSeenSchema,
} from '@tischrunde/shared'
import type { z } from 'zod'

/**
 * Everything this device keeps in browser storage goes through here. Each value has one key and is
 * read back through its schema from shared/: a missing, damaged or foreign value gives the fallback.
 * Nothing here throws: a storage that is full, blocked or missing (some private modes) only costs
 * what it would have kept. Keys and formats stay as earlier versions wrote them.
 */

const key = (kind: string, scope: string) => `tischrunde.${kind}.${scope}`

function area(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function readRaw(k: string): string | null {
  try {
    return area()?.getItem(k) ?? null
  } catch {
    return null
  }
}

/** Writes a value, or removes it for null; false when the storage did not take it. */
function writeRaw(k: string, value: string | null): boolean {
  try {
    const storage = area()
    if (value === null) storage?.removeItem(k)
    else storage?.setItem(k, value)
    return storage !== null
  } catch {
    // Full or blocked storage: only this value is lost.
    return false
  }
}

/** Screens whose credential comes from a link's `#k=…` and is kept per event (or instance). */
export type LinkKind = 'facilitator' | 'projector' | 'admin'

export const readLinkToken = (scope: string, kind: LinkKind): string | null => parseStoredText(deviceTokenSchema, readRaw(key(kind, scope)), null)
export const keepLinkToken = (scope: string, kind: LinkKind, token: string): boolean => writeRaw(key(kind, scope), token)
/** Forgets a link's key the server refused (an old or mistyped link), so the screen asks for the right one. */
export const forgetLinkToken = (scope: string, kind: LinkKind): boolean => writeRaw(key(kind, scope), null)

/** The participant identity this phone got for a join code. */
export const readParticipant = (code: string): DeviceIdentity | null => parseStored(deviceIdentitySchema, readRaw(key('participant', code)), null)
export const keepParticipant = (code: string, identity: DeviceIdentity | null): boolean =>
  writeRaw(key('participant', code), identity ? JSON.stringify(identity) : null)

/** The participant identities this phone holds at an event, by storage key (one per join code it was kept for). */
function participantsAt(eventId: string): [string, DeviceIdentity][] {
  const found: [string, DeviceIdentity][] = []
  try {
    const storage = area()
    for (let i = 0; storage && i < storage.length; i++) {
      const k = storage.key(i)
      const identity = k?.startsWith('tischrunde.participant.') ? parseStored(deviceIdentitySchema, readRaw(k), null) : null
      if (k && identity?.eventId === eventId && !identity.hostTable) found.push([k, identity])
    }
  } catch {
    // Storage gone: none kept.
  }
  return found
}

/**
 * The participant identity this phone holds at an event under any join code, or null: a code
 * renewed since (and scanned anew from the projector) must not make the person a new participant,
 * whose name their unsent cards would not carry.
 */
export const readParticipantAt = (eventId: string): DeviceIdentity | null => participantsAt(eventId)[0]?.[1] ?? null
/** Forgets the phone's participant identities at an event (the server no longer accepts them). */
export const forgetParticipantsAt = (eventId: string): void => participantsAt(eventId).forEach(([k]) => writeRaw(k, null))

/** The display name given at an event ('' for anonymous). */
export const readName = (eventId: string): string => parseStoredText(deviceNameSchema, readRaw(key('name', eventId)), '')
export const keepName = (eventId: string, name: string): boolean => writeRaw(key('name', eventId), name || null)

/** The table this phone last chose at an event. */
export const readTable = (eventId: string): string | null => parseStoredText(deviceTableSchema, readRaw(key('table', eventId)), null)
export const keepTable = (eventId: string, tableId: string | null): boolean => writeRaw(key('table', eventId), tableId || null)

/** Which table this phone sat at in which station (station id → table id). */
export const readVisits = (eventId: string): Record<string, string> => parseStored(deviceVisitsSchema, readRaw(key('visits', eventId)), {})
export const keepVisits = (eventId: string, visits: Record<string, string>): boolean => writeRaw(key('visits', eventId), JSON.stringify(visits))

/** Tablecloths this phone has read at an event (`station/table` keys). */
export const readTableclothsSeen = (eventId: string): string[] => parseStoredText(tableclothsSeenSchema, readRaw(key('tablecloth', eventId)), [])
export const keepTableclothsSeen = (eventId: string, seen: readonly string[]): boolean => writeRaw(key('tablecloth', eventId), seen.join('|'))

/** Whether the projector's gong is muted on this device. */
export const readMuted = (): boolean => parseStoredText(deviceMutedSchema, readRaw('tischrunde.projector.muted'), false)
export const keepMuted = (muted: boolean): boolean => writeRaw('tischrunde.projector.muted', muted ? '1' : '0')

/** The language chosen on this device (null: none chosen). */
export const readLanguage = (): 'de' | 'en' | null => parseStoredText(deviceLanguageSchema, readRaw('tischrunde.lang'), null)
export const keepLanguage = (lang: 'de' | 'en'): boolean => writeRaw('tischrunde.lang', lang)

/** The last event view and round state a screen saw, for an offline start. */
export const readCachedEvent = (eventId: string): PublicEventView | null => parseStored(cachedEventViewSchema, readRaw(key('cache.event', eventId)), null)
export const cacheEvent = (eventId: string, view: unknown): boolean => writeRaw(key('cache.event', eventId), JSON.stringify(view))
export const readCachedRound = (eventId: string): CachedRound | null => parseStored(cachedRoundSchema, readRaw(key('cache.round', eventId)), null)
export const cacheRound = (eventId: string, value: CachedRound): boolean => writeRaw(key('cache.round', eventId), JSON.stringify(value))

/** The board's state vector the server last confirmed as saved (base64), per board doc. */
export const readSavedVector = (docName: string): string | null => parseStoredText(savedVectorSchema, readRaw(key('saved', docName)), null)
export const keepSavedVector = (docName: string, base64: string | null): boolean => writeRaw(key('saved', docName), base64)

/** Boards left with own cards not yet sent, per event (opened again after a reload to send them). */
export const readLeftBoards = (eventId: string): LeftBoard[] =>
  parseStored(leftBoardsSchema, readRaw(key('left', eventId)), []).flatMap((entry) => {
    const left = leftBoardSchema.safeParse(entry)
    return left.success ? [left.data] : []
  })
/** Notes (`left`) or forgets (null) a board left with cards not yet sent (see `useLeftBoards`); the newest are kept. */
export function noteLeftBoard(eventId: string, docName: string, left: LeftBoard | null): void {
  const boards = [...readLeftBoards(eventId).filter((b) => b.docName !== docName), ...(left ? [left] : [])].slice(-LEFT_BOARDS_MAX)
  writeRaw(key('left', eventId), boards.length > 0 ? JSON.stringify(boards) : null)
}

/** A board's last refusal on this device, with its texts to copy, until the person hides it; null: none. */
export type KeptRefusal = z.infer<typeof keptRefusalSchema>
export const readRefusal = (docName: string): KeptRefusal | null => parseStored(keptRefusalSchema, readRaw(key('refused', docName)), null)
/** Keeps (or with null forgets) a board's refusal; false when the storage did not take it (full, blocked). */
export const keepRefusal = (docName: string, refusal: KeptRefusal | null): boolean =>
  writeRaw(key('refused', docName), refusal && refusal.texts.length > 0 ? JSON.stringify(refusal) : null)

/**
 * What a form held, typed and not sent, per form (a board's station, a tree): in the tab's session
 * storage, so a reload keeps it and closing the tab (a shared device) forgets it.
 */
export function readDraft(scope: string): string {
  try {
    return parseStoredText(draftTextSchema, window.sessionStorage.getItem(key('draft', scope)), '')
  } catch {
    return ''
  }
}

export function keepDraft(scope: string, text: string): void {
  try {
    if (text.trim() && draftTextSchema.safeParse(text).success) window.sessionStorage.setItem(key('draft', scope), text)
    else window.sessionStorage.removeItem(key('draft', scope))
  } catch {
    // Full or blocked storage: only the draft is lost.
  }
}

/**
 * The card form typed in last (its draft scope), in the tab's session storage: the next form (the
 * next station, another table) takes up a draft a station change left behind.
 */
export function readLastCardDraft(): string | null {
  try {
    return window.sessionStorage.getItem(key('draft-last', 'card'))
  } catch {
    return null
  }
}

export function keepLastCardDraft(scope: string): void {
  try {
    window.sessionStorage.setItem(key('draft-last', 'card'), scope)
  } catch {
    // Full or blocked storage: a draft left behind stays where it was typed.
  }
}

/** Name of the IndexedDB database that holds the device's copy of a board (y-indexeddb opens it). */
export const deviceCopyName = (docName: string): string => docName

/**
 * This device's random key, sent with joins so the server slows wrong codes per device and not
 * for the whole hall behind one address. Made on first use; without storage, a fresh one each time.
 */
export function deviceKey(makeId: () => string): string {
  const kept = parseStoredText(deviceKeySchema.nullable(), readRaw(key('device', 'key')), null)
  if (kept) return kept
  const made = makeId()
  writeRaw(key('device', 'key'), made)
  return made
}

/** The admin key this device kept when the admin link was opened (see Admin), if any. */
export const readAdminKey = (): string | null => readLinkToken('instance', 'admin')

/** Something to say once after a reload of this tab (e.g. "Ihre Wahl ist wieder da."): kept in the tab's session. */
export function keepOnce(what: string): void {
  try {
    window.sessionStorage.setItem(key('once', what), '1')
  } catch {
    // Blocked storage: the reload just says nothing.
  }
}

/** Whether `what` was kept for this load; it is forgotten at once. */
export function takeOnce(what: string): boolean {
  try {
    const kept = window.sessionStorage.getItem(key('once', what)) !== null
    window.sessionStorage.removeItem(key('once', what))
    return kept
  } catch {
    return false
  }
}
