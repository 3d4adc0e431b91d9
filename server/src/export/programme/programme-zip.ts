import { type EventExport, exportFileName } from '@tischrunde/shared'
import type { RenderedFile } from '../export-service.js'
import { renderDocument } from '../documents.js'
import { PROGRAMME_WORDS, handoutItems } from './programme-handout.js'

/**
 * The day's programme in the ZIP of everything, in a folder of its own: the handout (PDF and DOCX,
 * from the event file's programme, at the times the day ran) and the sign-up files the server adds
 * (seats taken, who signed up where), which the event file does not carry.
 */
export const PROGRAMME_FOLDER = 'Programm'

/** A file the server adds to the ZIP besides the event file's: its name, bytes and what it is. */
export interface ZipExtra {
  name: string
  bytes: Uint8Array
  /** One line for the ZIP's guide. */
  about: string
}

/** The guide's words for the programme's files. */
export const PROGRAMME_ZIP_WORDS = {
  heading: `Tagesprogramm (Ordner ${PROGRAMME_FOLDER}/):`,
  handoutPdf: 'Programm zum Aushängen und Verteilen (Zeiten, wie der Tag lief; Workshops mit Räumen und Referierenden)',
  handoutDocx: 'Programm als Word-Dokument zum Weiterbearbeiten',
  counts: 'Anmeldestand: je Workshop die Plätze und wie viele sich angemeldet haben',
  lists: 'Anmeldelisten: wer sich wo angemeldet hat, mit den Namen, die die Teilnehmenden angaben. Nur für die Organisation, nicht zum Veröffentlichen.',
} as const

/** Whether the ZIP carries a programme folder: the event has a programme with at least one item. */
export const hasProgramme = (file: EventExport): boolean => (file.programme?.items.length ?? 0) > 0

/** The handout as a file of the ZIP's programme folder. */
export async function renderHandoutPart(file: EventExport, format: 'pdf' | 'docx'): Promise<RenderedFile> {
  const { id, title, date, place } = file.event
  const { bytes } = await renderDocument({ what: 'programme', format, event: { id, title, date, place }, items: handoutItems(file.programme ?? null) })
  return { fileName: exportFileName(file.event, PROGRAMME_WORDS.programme, format), contentType: '', bytes }
}

/** The guide's lines for the programme folder (none without one). */
export function programmeReadmeLines(names: readonly string[], extras: readonly ZipExtra[]): string[] {
  const inFolder = names.filter((n) => n.startsWith(`${PROGRAMME_FOLDER}/`))
  if (inFolder.length === 0) return []
  const about = (name: string) => {
    const extra = extras.find((e) => `${PROGRAMME_FOLDER}/${e.name}` === name)
    return extra?.about ?? (name.endsWith('.pdf') ? PROGRAMME_ZIP_WORDS.handoutPdf : PROGRAMME_ZIP_WORDS.handoutDocx)
  }
  return [PROGRAMME_ZIP_WORDS.heading, ...inFolder.map((n) => `  ${n}\n      ${about(n)}`), '']
}
