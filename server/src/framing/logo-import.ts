import { EMPTY_FRAMING, type EventExport, type EventFraming, type ExportLogo, type FieldIssue, type StoredEvent, type LogoType, LOGO_TYPES, describeIssue } from '@tischrunde/shared'
import type { EventService } from '../events/event-service.js'
import type { LogoStore } from './logo-store.js'
import { checkLogo, logoDataComplete } from './logo-image.js'

/** A logo of an imported file, checked as an upload is: the id the file's framing names it by, and its cleaned bytes. */
export interface ImportLogo {
  fileId: string
  type: LogoType
  bytes: Uint8Array
}

type Checked = { ok: true; value: ImportLogo[] } | { ok: false; issue: { message: string; issue: FieldIssue } }

const refused = (issue: FieldIssue): Checked => ({ ok: false, issue: { message: describeIssue(issue), issue } })

/**
 * The logos an event file carries for its framing's organisers, each checked like an upload (a real
 * PNG or JPEG, within the size limits, image data complete) and rebuilt without metadata. A logo no
 * organiser names is left out; a named one that fails the check refuses the whole file.
 */
export async function checkedImportLogos(file: EventExport): Promise<Checked> {
  const named = new Set((file.event.framing?.organisers ?? []).flatMap((o) => (o.logoId ? [o.logoId] : [])))
  const out: ImportLogo[] = []
  for (const [i, logo] of (file.logos ?? []).entries()) {
    if (!named.has(logo.id)) continue
    const path = ['logos', i, 'data']
    const checked = checkLogo(new Uint8Array(Buffer.from(logo.data, 'base64')))
    if (!checked.ok || checked.type !== logo.type || !(await logoDataComplete(checked))) return refused({ path, issue: 'invalid_value', allowed: [...LOGO_TYPES] })
    out.push({ fileId: logo.id, type: checked.type, bytes: checked.bytes })
  }
  return { ok: true, value: out }
}

/**
 * Writes an imported event's logos to the logo store and points its organisers at them (the store
 * gives each logo a new id). An organiser whose logo the file did not carry keeps its name, without a logo.
 */
export async function restoreLogos(events: EventService, store: LogoStore, stored: StoredEvent, logos: readonly ImportLogo[]): Promise<StoredEvent> {
  const framing = stored.event.framing
  if (!framing || framing.organisers.every((o) => !o.logoId)) return stored
  const newIds = new Map<string, string>()
  for (const logo of logos) newIds.set(logo.fileId, await store.put(stored.event.id, { type: logo.type, bytes: logo.bytes }))
  const organisers = framing.organisers.map((o) => ({ ...o, logoId: (o.logoId && newIds.get(o.logoId)) ?? null }))
  const updated = await events.updateSetup(stored.event.id, (event) => ({ ...event, framing: { ...framing, organisers } }))
  if (!updated) throw new Error(`imported event ${stored.event.id} vanished while its logos were written`)
  return updated
}

/** The ids of the logos a framing's organisers name. */
export function logoIdsOf(framing: EventFraming): Set<string> {
  return new Set(framing.organisers.flatMap((o) => (o.logoId ? [o.logoId] : [])))
}

/** The export with the bytes of the logos its framing names (those still stored), for the documents. */
export async function withLogos(file: EventExport, logos: LogoStore): Promise<EventExport> {
  const ids = logoIdsOf(file.event.framing ?? EMPTY_FRAMING)
  if (ids.size === 0) return file
  const out: ExportLogo[] = []
  for (const id of ids) {
    const logo = await logos.get(file.event.id, id)
    if (logo) out.push({ id, type: logo.type, data: Buffer.from(logo.bytes).toString('base64') })
  }
  return { ...file, logos: out }
}
