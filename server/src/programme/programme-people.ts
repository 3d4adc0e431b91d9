import { randomInt } from 'node:crypto'
import { type EventId, PERSONAL_CODE_ALPHABET, type ProgrammePerson, type Versioned } from '@tischrunde/shared'
import type { EventStore } from '../storage/storage.js'
import { CODE_RECORDS, PEOPLE_RECORDS } from './programme-records.js'

/** Gives a participant a personal code on their first choice; keeps (or updates) their display name. */
export async function ensurePerson(store: EventStore, eventId: EventId, people: Map<string, Versioned<ProgrammePerson>>, participantId: string, displayName: string | undefined): Promise<void> {
  const existing = people.get(participantId)
  if (existing) {
    if (displayName === undefined || displayName.trim() === existing.value.displayName) return
    const value = { ...existing.value, displayName: displayName.trim() }
    const written = await store.putRecord(eventId, PEOPLE_RECORDS, participantId, value, existing.version)
    if (written.ok) people.set(participantId, { version: written.value, value })
    return
  }
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = Array.from({ length: 6 }, () => PERSONAL_CODE_ALPHABET[randomInt(PERSONAL_CODE_ALPHABET.length)]).join('')
    const claimed = await store.putRecord(eventId, CODE_RECORDS, code, { participantId }, null)
    if (!claimed.ok) continue
    const value: ProgrammePerson = { participantId, code, displayName: displayName?.trim() ?? '' }
    const written = await store.putRecord(eventId, PEOPLE_RECORDS, participantId, value, null)
    if (written.ok) people.set(participantId, { version: written.value, value })
    return
  }
  throw new Error('no free personal code')
}
