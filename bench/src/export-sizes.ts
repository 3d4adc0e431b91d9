/**
 * Export time against the number of cards: Winnenden's eleven tables (425 cards), then the same day
 * doubled, quadrupled and eightfold (850, 1,700 and 3,400 cards), each rendered in process as the
 * export worker does it: every table and the documentation in every format (the ZIP), and the
 * documentation alone per format. Linear growth shows as a steady time per card.
 *
 * The exporter keeps shaped words, measured texts and hyphenations for the process, so a copy of a
 * card would cost next to nothing: each copy of the day says its cards' words in another order (the
 * same vocabulary, as a larger real day has, but no card twice), and the warm-up renders another event.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { aLargeEventExport, winnendenEvent } from '@tischrunde/fixtures'
import type { EventExport } from '@tischrunde/shared'
import { REPO_ROOT } from './servers.js'
import { round } from './stats.js'

export interface ExportSizeStep {
  cards: number
  tables: number
  /** The ZIP: every table's sheet in every format plus the documentation in every format. */
  allFormatsMs: number
  msPerCard: number
  /** The whole-event file per format. */
  documentationMs: Record<string, number>
}

/** A text's words rotated by `k` (the k-th copy of a card): the same words and length, another text. */
export function rotatedWords(text: string, k: number): string {
  const words = text.split(' ')
  const by = k % words.length
  return by === 0 ? text : [...words.slice(by), ...words.slice(0, by)].join(' ')
}

/** `factor` copies of Winnenden's tables (names numbered from the second copy on, card words reordered per copy). */
export function scaledWinnenden(factor: number): EventExport {
  const base = winnendenEvent()
  const copies = Array.from({ length: factor }, (_, k) => k)
  const suffix = (k: number) => (k === 0 ? '' : `-${k + 1}`)
  const copyBoard = (b: EventExport['boards'][number], k: number): EventExport['boards'][number] => ({
    ...b,
    tableId: `${b.tableId}${suffix(k)}`,
    stations: b.stations.map((s) => ({
      ...s,
      columns: s.columns.map((c) => ({ ...c, cards: c.cards.map((card) => ({ ...card, text: rotatedWords(card.text, k), subPoints: card.subPoints.map((p) => rotatedWords(p, k)) })) })),
    })),
  })
  return {
    ...base,
    event: { ...base.event, tables: copies.flatMap((k) => base.event.tables.map((t) => ({ ...t, id: `${t.id}${suffix(k)}`, name: k === 0 ? t.name : `${t.name} (${k + 1})` }))) },
    boards: copies.flatMap((k) => base.boards.map((b) => copyBoard(b, k))),
  }
}

const countCards = (file: EventExport) => file.boards.reduce((n, b) => n + b.stations.reduce((m, s) => m + s.columns.reduce((c, col) => c + col.cards.length, 0), 0), 0)

type Service = {
  renderZip(file: EventExport): Promise<{ bytes: Uint8Array }>
  renderEvent(file: EventExport, format: string): Promise<{ bytes: Uint8Array }>
}

export async function runExportSizes(factors: readonly number[] = [1, 2, 4, 8]): Promise<ExportSizeStep[]> {
  const service = (await import(pathToFileURL(path.join(REPO_ROOT, 'server/dist/export/export-service.js')).href)) as Service
  const { EXPORT_FORMATS } = await import('@tischrunde/shared')
  // Warm up once on another event: module loading and the first font parse are not part of an export.
  await service.renderZip(aLargeEventExport({ cards: 200, tables: 4 }))
  const steps: ExportSizeStep[] = []
  for (const factor of factors) {
    const file = scaledWinnenden(factor)
    const cards = countCards(file)
    const t0 = performance.now()
    await service.renderZip(file)
    const allFormatsMs = round(performance.now() - t0)
    const documentationMs: Record<string, number> = {}
    for (const format of EXPORT_FORMATS) {
      const t = performance.now()
      await service.renderEvent(file, format)
      documentationMs[format] = round(performance.now() - t)
    }
    steps.push({ cards, tables: file.event.tables.length, allFormatsMs, msPerCard: round(allFormatsMs / cards, 2), documentationMs })
  }
  return steps
}

export function formatExportSizes(steps: readonly ExportSizeStep[]): string[] {
  const out = ['', 'Export time by size (in process; all formats = every table and the documentation in every format, as the ZIP)']
  for (const s of steps) {
    const docs = Object.entries(s.documentationMs).map(([f, ms]) => `${f} ${ms}`).join(', ')
    out.push(`  ${String(s.cards).padStart(5)} cards, ${String(s.tables).padStart(3)} tables: all formats ${s.allFormatsMs} ms (${s.msPerCard} ms/card); documentation ${docs} ms`)
  }
  return out
}
