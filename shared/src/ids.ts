import { z } from 'zod'
import { FieldFormat } from './wire/field-issue.js'

/** Longest id of an event, table, station (see slugIdSchema). */
export const ID_MAX_LENGTH = 63

/** A slug-like id: lower-case letters, digits and dashes. Used for events, tables, stations and columns. */
export const slugIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, FieldFormat.ID)

export const eventIdSchema = slugIdSchema
export type EventId = z.infer<typeof eventIdSchema>
export const tableIdSchema = slugIdSchema
export type TableId = z.infer<typeof tableIdSchema>
export const stationIdSchema = slugIdSchema
export type StationId = z.infer<typeof stationIdSchema>
export const columnIdSchema = slugIdSchema
export type ColumnId = z.infer<typeof columnIdSchema>

/** Client-made random ids for cards, sub-points and participants (URL-safe, 8–40 characters). */
export const randomIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, FieldFormat.ID)
export const cardIdSchema = randomIdSchema
export type CardId = z.infer<typeof cardIdSchema>
export const participantIdSchema = randomIdSchema
export type ParticipantId = z.infer<typeof participantIdSchema>

/** Turns a human title into a slug id (umlauts spelled out), e.g. "Arbeitsmarktintegration" → "arbeitsmarktintegration". */
export function slugify(title: string, maxLength = 40): string {
  const spelled = title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
  const full = spelled.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  if (full.length <= maxLength) return full || 'x'
  // Cut at a word boundary where there is one, so ids stay readable.
  const cut = full.slice(0, maxLength + 1)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : full.slice(0, maxLength)).replace(/-+$/, '')
}

/** Makes `base` unique against `taken` by appending -2, -3, … */
export function uniqueId(base: string, taken: ReadonlySet<string>, maxLength = ID_MAX_LENGTH): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    // A long base is shortened so that the number still fits an id (a 63-character id taken twice).
    const suffix = `-${n}`
    const candidate = `${base.slice(0, maxLength - suffix.length).replace(/-+$/, '')}${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * The value a record holds under its own key `key`, never one inherited from Object.prototype:
 * ids are chosen by people, and a table or station called "constructor" is a valid id.
 * @example own(presence.byTable, table.id) ?? 0
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}
