import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { readTreeRecords } from '@tischrunde/shared'
import { FALLBACK_FONT_FILES } from '../fonts.js'
import { TREE_PNG_MAX_PIXELS, svgToPng } from './tree-png.js'
import { PDF_PICTURE_MAX_SCALE, pdfPictureScale } from './tree-sheets.js'
import { treeToSvg } from './tree-svg.js'

const require = createRequire(import.meta.url)

/** The rightmost column with ink in the picture's title band (the first 70 rows at 1.5×). */
function titleRightEdge(png: PNG): number {
  let right = -1
  for (let y = 0; y < 70; y++)
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4
      if (png.data[i]! < 128 && png.data[i + 3]! > 0) right = Math.max(right, x)
    }
  return right
}

describe('a tree as a picture', () => {
  it('shows the whole title over a tree of one box (a long group name was cut at the right)', () => {
    const view = readTreeRecords([{ id: 'kern-0001', kind: 'core', parentId: null, order: 0, text: 'Kurz', authorId: null, createdAt: 1 }])
    for (const title of ['Problembaum: größere kreisfreie Stadt', 'Lösungsbaum: mittelgroßer Landkreis WWW MMM']) {
      const { svg, width, height } = treeToSvg(view, 'problem', title)
      const png = PNG.sync.read(Buffer.from(svgToPng(svg, width, height)))
      const right = titleRightEdge(png)
      // Ink up to the right margin's start at most, and the title reaches well across (it is drawn).
      expect(right).toBeLessThan(png.width - 12)
      expect(right).toBeGreaterThan(png.width / 2)
    }
  })

  it('draws a small tree inside a document without its title and at about the size of the text around it', () => {
    const view = readTreeRecords([
      { id: 'kern-0001', kind: 'core', parentId: null, order: 0, text: 'Zu wenig Sprachkurse', authorId: null, createdAt: 1 },
      { id: 'ursa-0001', kind: 'cause', parentId: 'kern-0001', order: 0, text: 'Lange Wartelisten', authorId: null, createdAt: 1 },
    ])
    const title = 'Problembaum: kleiner Landkreis'
    const alone = treeToSvg(view, 'problem', title)
    const inDocument = treeToSvg(view, 'problem', title, new Map(), { heading: false })
    // The document's heading says it right above: the picture does not say it again (screen readers still get its title).
    expect(alone.svg).toContain(`>${title}</text>`)
    expect(inDocument.svg).not.toContain(`>${title}</text>`)
    expect(inDocument.svg).toContain(`<title>${title}</title>`)
    expect(inDocument.height).toBe(alone.height - 40)
    // Two boxes were drawn across the page's width, their text at 26 pt beside the list's 10 pt.
    expect(pdfPictureScale(inDocument)).toBe(PDF_PICTURE_MAX_SCALE)
    expect(17 * pdfPictureScale(inDocument)).toBeLessThan(11)
    // A wide tree is still made to fit the page.
    expect(pdfPictureScale({ width: 3000, height: 600 })).toBeLessThan(0.2)
  })

  it('keeps a long kind line inside its box ("1.2 MITTEL · zu 1.2 · im Rahmen" ran past the border)', () => {
    const view = readTreeRecords([
      { id: 'ziel-0001', kind: 'goal', parentId: null, order: 0, text: 'Kooperation gelingt', authorId: null, createdAt: 1 },
      { id: 'mitt-0001', kind: 'means', parentId: 'ziel-0001', order: 0, text: 'Feste Ansprechpersonen', authorId: null, createdAt: 1, inScope: true, answersProblemId: 'prob-0012' },
    ])
    const { svg, width, height } = treeToSvg(view, 'objective', 'Lösungsbaum: kleiner Landkreis', new Map([['prob-0012', '1.12.3']]))
    const png = PNG.sync.read(Buffer.from(svgToPng(svg, width, height)))
    const scale = png.width / width
    // The means' box: centred under the goal, 220 wide; its kind line is the first text row inside it.
    const box = /<g data-kind="means" transform="translate\(([-\d.]+) ([-\d.]+)\)">/.exec(svg)!
    const viewBox = /viewBox="([-\d.]+) ([-\d.]+)/.exec(svg)!
    const left = (Number(box[1]) - Number(viewBox[1])) * scale
    const top = (Number(box[2]) - Number(viewBox[2])) * scale
    let inkOutside = 0
    for (let y = Math.round(top + 8 * scale); y < Math.round(top + 26 * scale); y++)
      for (let x = Math.round(left + 224 * scale); x < Math.round(left + 300 * scale); x++) if (png.data[(y * png.width + x) * 4]! < 128) inkOutside++
    expect(inkOutside).toBe(0)
  })

  it('shows every node’s text whole, inside its box, however long (texts were cut after three lines with "…")', () => {
    const long = 'Ehrenamtliche Strukturen sind im ländlichen Raum weit verstreut und '.repeat(4).trim().slice(0, 280)
    const view = readTreeRecords([
      { id: 'kern-0001', kind: 'core', parentId: null, order: 0, text: 'Kooperation bleibt punktuell', authorId: null, createdAt: 1 },
      { id: 'ursa-0001', kind: 'cause', parentId: 'kern-0001', order: 0, text: 'Angebote für Neuzugewanderte bleiben unkoordiniert', authorId: null, createdAt: 1 },
      { id: 'ursa-0002', kind: 'cause', parentId: 'kern-0001', order: 1, text: 'Parallele Angebote an mehreren Orten / Doppelstrukturen entstehen', authorId: null, createdAt: 1 },
      { id: 'folg-0001', kind: 'effect', parentId: 'kern-0001', order: 0, text: long, authorId: null, createdAt: 1 },
    ])
    const { svg } = treeToSvg(view, 'problem', 'Problembaum: kleiner Landkreis')
    const boxes = [...svg.matchAll(/<g data-kind="\w+"[^>]*>\n<rect width="[\d.]+" height="([\d.]+)"[\s\S]*?<text font-size="(\d+)"[^>]*>([\s\S]*?)<\/text><\/g>/g)]
    expect(boxes).toHaveLength(4)
    const texts = boxes.map(([, height, size, body]) => {
      const spans = [...body!.matchAll(/<tspan x="[\d.]+" y="([\d.]+)">([^<]*)<\/tspan>/g)]
      // The last line's foot stays inside the box.
      expect(Number(spans.at(-1)![1]) + Number(size) * 0.3).toBeLessThan(Number(height))
      return spans.map((m) => m[2]).join(' ').replace(/- /g, '')
    })
    expect(texts.join('|')).not.toContain('…')
    for (const text of ['Angebote für Neuzugewanderte bleiben unkoordiniert', 'Parallele Angebote an mehreren Orten / Doppelstrukturen entstehen', long]) expect(texts).toContain(text)
  })

  it('keeps a tree of 300 long texts whole and its PNG bounded (a column of 298 leaves made a 756×184,245 px picture)', () => {
    const text = (i: number) => `Ursache ${i}: Die Zusammenarbeit zwischen Verwaltung, Ehrenamt und Trägern bleibt punktuell, weil feste Ansprechpersonen fehlen, Stellen befristet sind und Informationen über Angebote nicht gebündelt werden; Geflüchtete finden deshalb passende Hilfe nur mit viel Glück.`.slice(0, 280)
    const records = [
      { id: 'kern-0001', kind: 'core', parentId: null, order: 0, text: text(0), authorId: null, createdAt: 1 },
      { id: 'ursa-0001', kind: 'cause', parentId: 'kern-0001', order: 0, text: text(1), authorId: null, createdAt: 1 },
      ...Array.from({ length: 298 }, (_, i) => ({ id: `leaf-${String(i).padStart(4, '0')}`, kind: 'cause', parentId: 'ursa-0001', order: i, text: text(i + 2), authorId: null, createdAt: 1 })),
    ]
    const { svg, width, height } = treeToSvg(readTreeRecords(records as never), 'problem', 'Problembaum: großer Landkreis')
    expect(svg).not.toContain('…')
    const png = PNG.sync.read(Buffer.from(svgToPng(svg, width, height)))
    expect(png.width * png.height).toBeLessThanOrEqual(TREE_PNG_MAX_PIXELS)
  })
})

/** A tree of one core problem with `text`, as its PNG's pixels and its SVG. */
function coreOnly(text: string): { png: Buffer; svg: string } {
  const view = readTreeRecords([{ id: 'kern-0001', kind: 'core', parentId: null, order: 0, text, authorId: null, createdAt: 1 }])
  const { svg, width, height } = treeToSvg(view, 'problem', 'Problembaum: kleiner Landkreis')
  return { png: PNG.sync.read(Buffer.from(svgToPng(svg, width, height))).data, svg }
}

/** `text` with each character outside Latin-1 replaced by one of the same length in UTF-16 that no font has (unassigned, private use). */
const asMissingGlyphs = (text: string) => [...text].map((ch) => (ch.codePointAt(0)! <= 0xff ? ch : ch.length === 2 ? '\u{10fffd}' : '\u0378')).join('')

describe('a tree picture in other scripts and with line breaks', () => {
  it.each([
    ['an emoji', 'Keiner weiß, warum 🤷'],
    ['Ethiopic (Tigrinya)', 'ሰላም ለኹሉ ትግርኛ'],
  ])('draws %s in the PNG, not as empty boxes (the picture drew "▯" where the PDF’s list under it drew them)', (_, text) => {
    const drawn = coreOnly(text).png
    // Drawn as empty boxes, the text would look like characters that no font has.
    expect(drawn.equals(coreOnly(asMissingGlyphs(text)).png)).toBe(false)
  })

  it('draws an emoji with a skin tone or a gender as the emoji, with no box beside it', () => {
    // The PDF's monochrome emoji font has one picture for 👍 and 👍🏽, and for 🤷 and 🤷‍♀️ (woman shrugging).
    expect(coreOnly('Gut so 👍🏽 🤷‍♀️').png.equals(coreOnly('Gut so 👍 🤷').png)).toBe(true)
  })

  it('names in the SVG the fonts the PNG draws with, so a viewer that has them draws emoji and Ethiopic too', () => {
    const fontkit = require('fontkit') as { create(buffer: Buffer): { familyName: string } }
    const families = /<svg [^>]*font-family="([^"]*)"/.exec(coreOnly('Kurz').svg)![1]!.split(',').map((f) => f.trim().replace(/^'(.*)'$/, '$1'))
    expect(families[0]).toBe('DejaVu Sans')
    for (const file of Object.values(FALLBACK_FONT_FILES)) expect(families).toContain(fontkit.create(readFileSync(require.resolve(file))).familyName)
  })

  it('keeps a line break inside an entry as a new line (the picture ran "…ab; Zweite Zeile" together, the list kept it)', () => {
    const { svg } = coreOnly('Kurz ab;\nZweite Zeile\n\n\nDritte')
    const lines = [...svg.matchAll(/<tspan [^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1])
    expect(lines).toEqual(['Kurz ab;', 'Zweite Zeile', '', 'Dritte'])
  })
})
