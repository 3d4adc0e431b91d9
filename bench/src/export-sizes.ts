/**
 * Export time against the number of cards: Winnenden's eleven tables (422 cards), then the same day
 * doubled, quadrupled and eightfold (844, 1,688 and 3,376 cards; 44 tables at most, the import's
 * limit being 60, so the eightfold day has each card twice on each table).
 *
 * The ZIP (every table's sheet in every format plus the documentation in every format) is timed as
 * the organiser waits for it: an HTTP download from a running server, request to last byte, the
 * median of three, with the server's CPU time for it (all its threads: the export workers too).
 * The first ZIP after the server started is reported on its own: it starts the export workers.
 * The documentation alone per format is timed in this process, to see where the time goes.
 *
 * The exporter keeps shaped words, measured texts and hyphenations for the process, so a copy of a
 * card would cost next to nothing: each copy of the day says its cards' words in another order (the
 * same vocabulary, as a larger real day has, but no card twice), and the warm-up renders another event.
 */
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { aLargeEventExport, winnendenEvent } from '@tischrunde/fixtures'
import type { EventExport } from '@tischrunde/shared'
import { REPO_ROOT, type TischrundeServer, freshDataDir, removeDir, startTischrunde } from './servers.js'
import { processCpuMs, round, wallNow } from './stats.js'

export interface ExportSizeStep {
  cards: number
  tables: number
  /** The ZIP over HTTP: request to last byte, median of `runs` downloads. */
  zipWallMs: number
  /** The server's CPU time (every thread) for one ZIP, median of `runs`. */
  zipCpuMs: number
  runs: number
  /** Wall time per card. */
  msPerCard: number
  /** The first ZIP after the server started (its export workers start with it); on the first size only. */
  firstZipWallMs?: number
  /** Load average (1 min) of the machine when the size was measured: a shared machine's wall times drift with it. */
  loadAverage: number
  /** The whole-event file per format, rendered in this process (ms). */
  documentationMs: Record<string, number>
}

/** A text's words rotated by `k` (the k-th copy of a card): the same words and length, another text. */
export function rotatedWords(text: string, k: number): string {
  const words = text.split(' ')
  const by = k % words.length
  return by === 0 ? text : [...words.slice(by), ...words.slice(0, by)].join(' ')
}

/** Most tables an event may have (the import's limit is 60): larger sizes put more cards on each table. */
const MAX_TABLE_COPIES = 4

/**
 * Winnenden `factor` times: copies of its tables (names numbered from the second copy on), at most
 * four, and beyond that each card more than once in its column; every copy of a card says its words
 * in another order.
 */
export function scaledWinnenden(factor: number): EventExport {
  const base = winnendenEvent()
  const tableCopies = Math.min(factor, MAX_TABLE_COPIES)
  const cardCopies = Math.ceil(factor / tableCopies)
  const copies = Array.from({ length: tableCopies }, (_, k) => k)
  const suffix = (k: number) => (k === 0 ? '' : `-${k + 1}`)
  const copyCard = (card: Card, k: number, j: number): Card => {
    const n = k + j * tableCopies
    return { ...card, text: rotatedWords(card.text, n), subPoints: card.subPoints.map((p) => rotatedWords(p, n)) }
  }
  const copyBoard = (b: EventExport['boards'][number], k: number): EventExport['boards'][number] => ({
    ...b,
    tableId: `${b.tableId}${suffix(k)}`,
    stations: b.stations.map((s) => ({
      ...s,
      columns: s.columns.map((c) => ({ ...c, cards: Array.from({ length: cardCopies }, (_, j) => c.cards.map((card) => copyCard(card, k, j))).flat() })),
    })),
  })
  return {
    ...base,
    event: { ...base.event, tables: copies.flatMap((k) => base.event.tables.map((t) => ({ ...t, id: `${t.id}${suffix(k)}`, name: k === 0 ? t.name : `${t.name} (${k + 1})` }))) },
    boards: copies.flatMap((k) => base.boards.map((b) => copyBoard(b, k))),
  }
}
type Card = EventExport['boards'][number]['stations'][number]['columns'][number]['cards'][number]

export const countCards = (file: EventExport) => file.boards.reduce((n, b) => n + b.stations.reduce((m, s) => m + s.columns.reduce((c, col) => c + col.cards.length, 0), 0), 0)

type Service = {
  renderZip(file: EventExport): Promise<{ bytes: Uint8Array }>
  renderEvent(file: EventExport, format: string): Promise<{ bytes: Uint8Array }>
}

/** An event imported into a running server, with the facilitator's token to export it. */
export interface ImportedEvent {
  id: string
  token: string
}

export async function importEvent(server: Pick<TischrundeServer, 'url' | 'adminKey'>, file: EventExport): Promise<ImportedEvent> {
  const res = await fetch(`${server.url}/api/events/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(file),
  })
  if (res.status !== 201) throw new Error(`importing ${countCards(file)} cards answered ${res.status}: ${await res.text()}`)
  const { id, links } = (await res.json()) as { id: string; links: { facilitator: string } }
  return { id, token: decodeURIComponent(links.facilitator.slice(links.facilitator.indexOf('#k=') + 3)) }
}

/** One ZIP download as the console makes it: wall time to the last byte and the server's CPU time meanwhile. */
export async function timedZip(server: Pick<TischrundeServer, 'url' | 'pid'>, event: ImportedEvent): Promise<{ wallMs: number; cpuMs: number; bytes: number }> {
  const cpu0 = processCpuMs(server.pid)
  const t0 = wallNow()
  const res = await fetch(`${server.url}/api/events/${event.id}/export.zip`, { headers: { authorization: `Bearer ${event.token}` }, signal: AbortSignal.timeout(180_000) })
  if (!res.ok) throw new Error(`the ZIP export answered ${res.status}`)
  const bytes = (await res.arrayBuffer()).byteLength
  return { wallMs: round(wallNow() - t0), cpuMs: round(processCpuMs(server.pid) - cpu0), bytes }
}

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!

export async function runExportSizes(factors: readonly number[] = [1, 2, 4, 8], runs = 3): Promise<ExportSizeStep[]> {
  const files = factors.map((factor) => scaledWinnenden(factor))
  // Over HTTP first, from a server of its own.
  const dataDir = freshDataDir('exports')
  const http: { wall: number[]; cpu: number[]; first?: number; load: number }[] = []
  try {
    const server = await startTischrunde({ dataDir, demo: false })
    try {
      const events: ImportedEvent[] = []
      for (const file of files) events.push(await importEvent(server, file))
      for (const [i, event] of events.entries()) {
        const first = i === 0 ? (await timedZip(server, event)).wallMs : undefined
        const load = round(os.loadavg()[0]!, 2)
        const timed = []
        for (let r = 0; r < runs; r++) timed.push(await timedZip(server, event))
        http.push({ wall: timed.map((t) => t.wallMs), cpu: timed.map((t) => t.cpuMs), load, ...(first === undefined ? {} : { first }) })
      }
    } finally {
      await server.stop()
    }
  } finally {
    removeDir(dataDir)
  }

  // Then each documentation format in this process.
  const service = (await import(pathToFileURL(path.join(REPO_ROOT, 'server/dist/export/export-service.js')).href)) as Service
  const { EXPORT_FORMATS } = await import('@tischrunde/shared')
  // Warm up once on another event: module loading and the first font parse are not part of an export.
  await service.renderZip(aLargeEventExport({ cards: 200, tables: 4 }))
  const steps: ExportSizeStep[] = []
  for (const [i, file] of files.entries()) {
    const h = http[i]!
    const documentationMs: Record<string, number> = {}
    for (const format of EXPORT_FORMATS) {
      const t = performance.now()
      await service.renderEvent(file, format)
      documentationMs[format] = round(performance.now() - t)
    }
    const cards = countCards(file)
    const zipWallMs = median(h.wall)
    steps.push({
      cards,
      tables: file.event.tables.length,
      zipWallMs,
      zipCpuMs: median(h.cpu),
      runs,
      msPerCard: round(zipWallMs / cards, 2),
      ...(h.first === undefined ? {} : { firstZipWallMs: h.first }),
      loadAverage: h.load,
      documentationMs,
    })
  }
  return steps
}

export function formatExportSizes(steps: readonly ExportSizeStep[]): string[] {
  const out = ['', 'Export time by size (ZIP of every table and the documentation in every format, over HTTP: median wall time, server CPU; documentation per format in process)']
  for (const s of steps) {
    const docs = Object.entries(s.documentationMs).map(([f, ms]) => `${f} ${ms}`).join(', ')
    const first = s.firstZipWallMs === undefined ? '' : `, first after start ${s.firstZipWallMs} ms`
    out.push(
      `  ${String(s.cards).padStart(5)} cards, ${String(s.tables).padStart(3)} tables: ZIP ${s.zipWallMs} ms wall (${s.msPerCard} ms/card${first}), ${s.zipCpuMs} ms CPU, load ${s.loadAverage}; documentation ${docs} ms`,
    )
  }
  return out
}
