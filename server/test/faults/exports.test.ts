import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ExportProgress, countExportCards } from '@tischrunde/shared'
import { aLargeEventExport } from '@tischrunde/fixtures'
import { pdfText, readDocx } from '../../src/export/read-back.js'
import { api, tokenOfLink } from '../helpers/api.js'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { report } from './fault-kit.js'

/** The server's job limit (WorkerExportRenderer's default): an export must stay well inside it. */
const JOB_LIMIT_MS = 120_000
/** "Well within": half the limit, on a loaded two-core machine. */
const WELL_WITHIN_MS = JOB_LIMIT_MS / 2

const TABLES = 30
const CARDS = 3000
/** Every tenth card is one unbroken 200-letter word, the text that made the DOCX layout cost ~0.1–0.3 s per card. */
const LONG_WORD_EVERY = 10

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
/** Compared without whitespace and hyphens: the PDF wraps lines and breaks words at syllables ("Integrationsmanage-ment"). */
const squash = (s: string) => s.replace(/[\s\u00ad\-‐]+/g, '')

describe('fault suite: exports of a long day', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let child: ChildServer
  let token: string
  let eventId: string
  const file = aLargeEventExport({ tables: TABLES, cards: CARDS, longWordEvery: LONG_WORD_EVERY })
  /** Every card's and sub-point's text, as typed. */
  const typed = file.boards.flatMap((b) => b.stations.flatMap((s) => s.columns.flatMap((c) => c.cards.flatMap((card) => [card.text, ...card.subPoints]))))

  beforeAll(async () => {
    data = await tempDataDir('faults-exports')
    child = await startChildServer(data.dir)
    const imported = await api<{ id: string; links: { facilitator: string } }>(child.url, '/api/events/import', { body: file, token: child.adminKey })
    expect(imported.status).toBe(201)
    eventId = imported.body.id
    token = tokenOfLink(imported.body.links.facilitator)
  })
  afterAll(async () => {
    await killAllChildren()
    await data?.remove()
  })

  /** Downloads `path` with a job name, asking every 250 ms how far it is, as the console does. */
  async function download(path: string, job: string) {
    const headers = { authorization: `Bearer ${token}` }
    const seen: ExportProgress[] = []
    const poll = setInterval(() => {
      void fetch(`${child.url}/api/events/${eventId}/export-progress?job=${job}`, { headers })
        .then(async (res) => (res.ok ? seen.push((await res.json()) as ExportProgress) : 0))
        .catch(() => {})
    }, 250)
    const started = performance.now()
    try {
      const sep = path.includes('?') ? '&' : '?'
      const res = await fetch(`${child.url}/api/events/${eventId}${path}${sep}job=${job}`, { headers, signal: AbortSignal.timeout(JOB_LIMIT_MS + 15_000) })
      const bytes = new Uint8Array(await res.arrayBuffer())
      return { status: res.status, bytes, ms: performance.now() - started, seen }
    } finally {
      clearInterval(poll)
    }
  }

  /** The typed texts a rendered documentation lacks: DOCX read from its XML, PDF by pdftotext in drawing order. */
  async function missing(docx: Uint8Array, pdf: Uint8Array | null): Promise<{ docx: string[]; pdf: string[] }> {
    const inDocx = new Set(Object.values(readDocx(docx).shape).flatMap((cards) => cards.flatMap((c) => [c.text, ...c.subPoints])))
    const pdfFlat = pdf ? squash(await pdfText(pdf, 'raw')) : ''
    return { docx: typed.filter((t) => !inDocx.has(t)), pdf: pdf ? typed.filter((t) => !pdfFlat.includes(squash(t))) : [] }
  }

  it(`exports ${TABLES} tables with ${CARDS.toLocaleString('en')} cards as one ZIP well within the job limit, counting its files up, with every card in the documentation`, async () => {
    expect(countExportCards(file)).toBe(CARDS)
    const zip = await download('/export.zip', 'fault-zip-0001')
    expect(zip.status).toBe(200)
    expect(zip.ms).toBeLessThan(WELL_WITHIN_MS)

    const files = unzipSync(zip.bytes)
    const names = Object.keys(files)
    expect(names).toHaveLength(7 + TABLES * 4) // six whole-event files and LIESMICH.txt, four per table
    const docx = files[names.find((n) => n.endsWith('_Dokumentation.docx'))!]!
    const pdf = files[names.find((n) => n.endsWith('_Dokumentation.pdf'))!]!
    const lost = await missing(docx, pdf)
    expect(lost.docx).toEqual([])
    expect(lost.pdf).toEqual([])

    // The console saw the files count up (polled every 250 ms; before the first file is done it only knows the time).
    const counting = zip.seen.filter((p) => p.done > 0)
    const last = zip.seen.at(-1)
    expect(counting.length).toBeGreaterThan(0)
    // Every rendered file counts as a step; the guide LIESMICH.txt is written with the archive.
    expect(counting.every((p) => p.total === names.length - 1 && p.limitMs === JOB_LIMIT_MS)).toBe(true)
    expect(counting.map((p) => p.done)).toEqual([...counting.map((p) => p.done)].sort((a, b) => a - b))
    report(
      'ZIP of a long day',
      `${TABLES} tables, ${CARDS} cards (every ${LONG_WORD_EVERY}th one unbroken 200-letter word): ${names.length} files, ${(zip.bytes.length / 1e6).toFixed(1)} MB in ${seconds(zip.ms)} ` +
        `(job limit ${seconds(JOB_LIMIT_MS)}); ${zip.seen.length} progress reports, the last ${last?.done}/${last?.total} at ${seconds(last?.elapsedMs ?? 0)}; ` +
        `every card and sub-point (${typed.length}) read back from the documentation's DOCX and PDF`,
    )
  })

  it('exports the whole documentation as DOCX well within the job limit, with every card', async () => {
    const docx = await download('/export?format=docx', 'fault-docx-0001')
    expect(docx.status).toBe(200)
    expect(docx.ms).toBeLessThan(WELL_WITHIN_MS)
    expect((await missing(docx.bytes, null)).docx).toEqual([])
    const pdf = await download('/export?format=pdf', 'fault-pdf-0001')
    expect(pdf.status).toBe(200)
    expect(pdf.ms).toBeLessThan(WELL_WITHIN_MS)
    report(
      'documentation of a long day',
      `DOCX ${seconds(docx.ms)} (${(docx.bytes.length / 1e3).toFixed(0)} kB, ${((docx.ms / CARDS) * 1000).toFixed(0)} µs per card), ` +
        `PDF ${seconds(pdf.ms)} (${(pdf.bytes.length / 1e3).toFixed(0)} kB); every card read back from the DOCX`,
    )
  })
})
