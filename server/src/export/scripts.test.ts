import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { anEvent } from '@tischrunde/fixtures'
import { EVENT_EXPORT_FORMAT, EVENT_EXPORT_VERSION, type EventExport } from '@tischrunde/shared'
import { renderTable } from './export-service.js'
import { isRightToLeft, scriptRuns, visualOrder } from './pdf-scripts.js'
import { docxParts, pdfText, readDocx, xml } from './read-back.js'
import { DOCX_FALLBACK_FONTS } from './docx-fonts.js'

/** Cards in the languages of participants at these events, with emoji. */
const ARABIC = 'مرحبا بكم في الاجتماع'
const PERSIAN = 'سلام دوستان، خوش آمدید'
const TIGRINYA = 'ሰላም ለሁሉም'
const EMOJI = 'Sommerfest 🎉 mit Kaffee ☕'
const file: EventExport = {
  format: EVENT_EXPORT_FORMAT,
  version: EVENT_EXPORT_VERSION,
  event: anEvent({ tableCount: 1 }),
  boards: [
    {
      tableId: 'tisch-1',
      stations: [
        {
          stationId: 'station-1',
          columns: [{ columnId: 'laeuft-gut', cards: [{ text: ARABIC, subPoints: [PERSIAN] }, { text: EMOJI, subPoints: [TIGRINYA] }, { text: 'Кириллица und Deutsch', subPoints: [] }] }],
        },
      ],
    },
  ],
}

const run = promisify(execFile)

/** The first page rendered by poppler's pdftoppm as a greyscale image: how many pixels of each region are ink. */
async function inkOfFirstPage(bytes: Uint8Array): Promise<{ width: number; height: number; dark: (x0: number, y0: number, x1: number, y1: number) => number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tischrunde-ppm-'))
  try {
    await writeFile(path.join(dir, 'in.pdf'), bytes)
    await run('/usr/bin/pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', path.join(dir, 'in.pdf'), path.join(dir, 'page')])
    const pgm = await readFile(path.join(dir, 'page-1.pgm'))
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
    const [width, height] = [Number(header[1]), Number(header[2])]
    const pixels = pgm.subarray(header[0].length)
    const dark = (x0: number, y0: number, x1: number, y1: number) => {
      let n = 0
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (pixels[y * width + x]! < 128) n++
      return n
    }
    return { width, height, dark }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

describe('cards in other scripts', () => {
  it('PDF: Arabic, Persian, Tigrinya, Cyrillic and emoji come back as text, their fonts embedded', async () => {
    const bytes = (await renderTable(file, 'tisch-1', 'pdf')).bytes
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ')
    for (const word of ['مرحبا', 'بكم', 'دوستان', 'ሰላም', 'ለሁሉም', '🎉', '☕', 'Кириллица']) expect(text).toContain(word)
    // Right to left: poppler reads the Arabic words in their order.
    expect(text).toContain('مرحبا بكم في')
    const raw = Buffer.from(bytes).toString('latin1')
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoEmoji/)
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansEthiopic/)
  })

  it('PDF: the page shows the Arabic card on the right of its column and the emoji as glyphs', async () => {
    const page = await inkOfFirstPage((await renderTable(file, 'tisch-1', 'pdf')).bytes)
    // The first line with ink at the right edge of the column: the Arabic card, none in the middle of it.
    let line = 100
    while (line < 300 && page.dark(page.width - 100, line, page.width - 56, line + 1) === 0) line++
    const band = [line - 4, line + 8] as const
    expect(page.dark(page.width - 200, band[0], page.width - 56, band[1])).toBeGreaterThan(100)
    expect(page.dark(120, band[0], page.width - 260, band[1])).toBe(0)
    // Its bullet stands on the right too: nothing at the column's left edge on that line.
    expect(page.dark(56, band[0], 72, band[1])).toBe(0)
    // The emoji card's line further down has ink where 🎉 stands (a glyph, not an empty box of a missing one).
    expect(page.dark(56, line + 20, 200, line + 45)).toBeGreaterThan(100)
  })

  it('DOCX: right-to-left paragraphs and runs, the emoji as typed', async () => {
    const bytes = (await renderTable(file, 'tisch-1', 'docx')).bytes
    const document = docxParts(bytes)['word/document.xml']!
    expect(document).toMatch(/<w:bidi\/>/)
    expect(document).toMatch(/<w:rtl\/>/)
    const cards = Object.values(readDocx(bytes).shape).flat()
    expect(cards.map((c) => c.text)).toEqual([ARABIC, EMOJI, 'Кириллица und Deutsch'])
    expect(cards[1]!.subPoints).toEqual([TIGRINYA])
  })

  it('DOCX: carries the emoji and Ethiopic fonts and sets those pieces in them; a document without such text carries none', async () => {
    const parts = docxParts((await renderTable(file, 'tisch-1', 'docx')).bytes)
    const fontTable = parts['word/fontTable.xml']!
    for (const name of Object.values(DOCX_FALLBACK_FONTS)) {
      expect(fontTable).toContain(`w:name="${name}"`)
      expect(fontTable).toMatch(new RegExp(`w:name="${name}"[\\s\\S]*?<w:embedRegular `))
    }
    expect(Object.keys(parts).filter((name) => name.startsWith('word/fonts/'))).toHaveLength(2)
    const body = xml(parts['word/document.xml']!)
    const fontOf = (text: string) =>
      Array.from(body.getElementsByTagName('w:r'))
        .find((r) => (r.getElementsByTagName('w:t')[0]?.textContent ?? '').includes(text))
        ?.getElementsByTagName('w:rFonts')[0]
        ?.getAttribute('w:ascii')
    expect(fontOf('🎉')).toBe(DOCX_FALLBACK_FONTS.emoji)
    expect(fontOf('ሰላም')).toBe(DOCX_FALLBACK_FONTS.ethiopic)
    expect(fontOf('Sommerfest')).toBeUndefined()
    const plain = docxParts((await renderTable({ ...file, boards: [{ tableId: 'tisch-1', stations: [{ stationId: 'station-1', columns: [{ columnId: 'laeuft-gut', cards: [{ text: 'Kita', subPoints: [] }] }] }] }] }, 'tisch-1', 'docx')).bytes)
    expect(Object.keys(plain).filter((name) => name.startsWith('word/fonts/'))).toEqual([])
  })

  it('splits text into runs by font, and orders right-to-left words for drawing', () => {
    expect(scriptRuns('Kita und Schule')).toEqual([{ fallback: null, text: 'Kita und Schule' }])
    expect(scriptRuns('Fest 🎉 ja').map((r) => r.fallback)).toEqual([null, 'emoji', null])
    expect(scriptRuns('ሰላም').map((r) => r.fallback)).toEqual(['ethiopic'])
    expect(isRightToLeft(ARABIC)).toBe(true)
    expect(isRightToLeft('Kita مرحبا')).toBe(false)
    expect(visualOrder(['مرحبا', 'Tischrunde', 'Köln', 'بكم'])).toEqual(['بكم', 'Tischrunde', 'Köln', 'مرحبا'])
  })
})
