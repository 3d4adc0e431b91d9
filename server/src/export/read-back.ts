/**
 * Test support: reads exported files back with real parsers (poppler's pdftotext, an XML parser on
 * the DOCX's document.xml, a CSV parser, a Markdown parser) into one comparable shape. Only test
 * files import this module; its parsers are devDependencies.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { DOMParser, type Element } from '@xmldom/xmldom'
import { parse as parseCsv } from 'csv-parse/sync'
import { strFromU8, unzipSync } from 'fflate'
import MarkdownIt from 'markdown-it'
import { subPointKey } from '@tischrunde/shared'
import { ZERO_WIDTH_SPACE } from './long-words.js'
import { CSV_DELIMITER } from './render-csv.js'
import type { ResultSheet } from './shared-export.js'

/** A card as shown: its text (without a typed number that became the list's number) and its sub-points'. */
export interface ShapeCard {
  text: string
  subPoints: string[]
}
/** Cards by "<station title> / <column title>", in order: what a sheet shows, whatever the format. */
export type SheetShape = Record<string, ShapeCard[]>

export const shapeOf = (sheet: ResultSheet, key: 'title' | 'heading' = 'title'): SheetShape =>
  Object.fromEntries(
    sheet.stations.flatMap((s) => s.columns.map((c) => [`${s[key]} / ${c.title}`, c.cards.map((card) => ({ text: card.body, subPoints: card.subItems.map((i) => i.body) }))])),
  )

/** The list label a card or sub-point is drawn with in the PDF: its number, a bullet, or none for a label. */
const marker = (item: { number: number | null; label: boolean }, bullet: string) => (item.number !== null ? `${item.number}.` : item.label ? '' : bullet)

// ---------------------------------------------------------------- PDF

const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext', '/opt/homebrew/bin/pdftotext'].find((p) => existsSync(p))

/** Text of a PDF by poppler's pdftotext; `raw` keeps the order in which the page was drawn. */
export async function pdfText(bytes: Uint8Array, mode: 'raw' | 'plain' = 'plain', pages?: { first: number; last: number }): Promise<string> {
  if (!PDFTOTEXT) throw new Error('pdftotext fehlt: diese Tests lesen PDFs mit poppler-utils (apt-get install -y poppler-utils).')
  const dir = await mkdtemp(path.join(tmpdir(), 'tischrunde-pdf-'))
  try {
    const file = path.join(dir, 'in.pdf')
    await writeFile(file, bytes)
    const args = [...(mode === 'raw' ? ['-raw'] : []), ...(pages ? ['-f', String(pages.first), '-l', String(pages.last)] : []), '-enc', 'UTF-8', file, '-']
    const { stdout } = await promisify(execFile)(PDFTOTEXT, args, { maxBuffer: 64 * 1024 * 1024 })
    return stdout
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Text compared without whitespace and hyphens: lines wrap and words break at syllables ("Integrationsmanage-ment") differently from the typed text. */
const squash = (s: string) => s.replace(/[\s\u00ad\-‐]+/g, '')

/**
 * Finds every card and sub-point of `sheet` in a PDF's text (pdftotext -raw, i.e. drawing order)
 * under the right station heading and column head, in order. Returns the problems found.
 * Whitespace is ignored: lines wrap differently from the typed text.
 */
export function misplacedInPdf(raw: string, sheet: ResultSheet): string[] {
  const flat = squash(raw)
  const stationMarks = sheet.stations.map((s) => ({ id: s.heading, text: squash(s.heading) }))
  const headMarks = sheet.stations.flatMap((s) => s.columns.map((c) => ({ id: c.title, text: squash(c.title) })))
  /** The marker that ends nearest before `pos` (on a tie the longer one). */
  const nearest = (marks: { id: string; text: string }[], pos: number) => {
    let best: { id: string; at: number; len: number } | null = null
    for (const m of marks) {
      const at = flat.lastIndexOf(m.text, pos - m.text.length)
      if (at >= 0 && (!best || at > best.at || (at === best.at && m.text.length > best.len))) best = { id: m.id, at, len: m.text.length }
    }
    return best?.id
  }
  const problems: string[] = []
  for (const station of sheet.stations) {
    for (const column of station.columns) {
      let cursor = 0
      const find = (bullet: string, text: string) => {
        const needle = squash(bullet + text)
        for (let at = flat.indexOf(needle, cursor); at >= 0; at = flat.indexOf(needle, at + 1)) {
          if (nearest(headMarks, at) === column.title && nearest(stationMarks, at) === station.heading) {
            cursor = at + needle.length
            return
          }
        }
        problems.push(`${station.title} / ${column.title}: „${text}“ fehlt oder steht woanders`)
      }
      for (const card of column.cards) {
        find(marker(card, '•'), card.body)
        for (const sub of card.subItems) find(marker(sub, '–'), sub.body)
      }
    }
  }
  return problems
}

// ---------------------------------------------------------------- DOCX

export const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml')

/** The parts of a .docx, by path. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]))
}

const children = (el: Element, name: string): Element[] => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).tagName === name)
const child = (el: Element, ...names: string[]): Element | undefined => names.reduce<Element | undefined>((e, n) => (e ? children(e, n)[0] : undefined), el)

/** A paragraph's text: runs' text, line breaks as "\n", without the break opportunities the renderer puts into long words. */
export function paragraphText(p: Element): string {
  let text = ''
  const walk = (el: Element) => {
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType !== 1) continue
      const e = node as Element
      if (e.tagName === 'w:t') text += e.textContent ?? ''
      else if (e.tagName === 'w:br') text += '\n'
      else if (e.tagName === 'w:tab') text += '\t'
      else if (e.tagName !== 'w:instrText' && e.tagName !== 'w:pPr') walk(e)
    }
  }
  walk(p)
  return text.replaceAll(ZERO_WIDTH_SPACE, '')
}

export interface DocxReading {
  headings1: string[]
  shape: SheetShape
  /** numIds the list paragraphs use, each with the formats of its levels 0 and 1 from numbering.xml. */
  lists: { numId: string; formats: string[] }[]
}

/** Reads document.xml: Heading 1 texts, Heading 2 stations with their column tables, and list numbering. */
export function readDocx(bytes: Uint8Array): DocxReading {
  const parts = docxParts(bytes)
  const body = xml(parts['word/document.xml']!).getElementsByTagName('w:body')[0]!
  const numbering = xml(parts['word/numbering.xml'] ?? '<w:numbering xmlns:w="x"/>')
  const headings1: string[] = []
  const shape: SheetShape = {}
  const numIds = new Set<string>()
  let station = ''
  for (const el of Array.from(body.childNodes).filter((n): n is Element => n.nodeType === 1)) {
    if (el.tagName === 'w:p') {
      const style = child(el, 'w:pPr', 'w:pStyle')?.getAttribute('w:val')
      if (style === 'Heading1') headings1.push(paragraphText(el))
      if (style === 'Heading2') station = paragraphText(el)
    }
    if (el.tagName !== 'w:tbl') continue
    const [head, ...rows] = children(el, 'w:tr')
    const titles = children(head!, 'w:tc').map((tc) => children(tc, 'w:p').map(paragraphText).join('\n'))
    for (const row of rows) {
      children(row, 'w:tc').forEach((tc, i) => {
        const cards: ShapeCard[] = (shape[`${station} / ${titles[i]}`] ??= [])
        for (const p of children(tc, 'w:p')) {
          const numPr = child(p, 'w:pPr', 'w:numPr')
          if (numPr) numIds.add(child(numPr, 'w:numId')!.getAttribute('w:val')!)
          const style = child(p, 'w:pPr', 'w:pStyle')?.getAttribute('w:val')
          if (style === 'Karte' || style === 'Zwischenueberschrift') cards.push({ text: paragraphText(p), subPoints: [] })
          else if (style === 'Unterpunkt') cards.at(-1)!.subPoints.push(paragraphText(p))
        }
      })
    }
  }
  const lists = [...numIds].map((numId) => {
    const num = Array.from(numbering.getElementsByTagName('w:num')).find((n) => n.getAttribute('w:numId') === numId)
    const abstractId = num && child(num, 'w:abstractNumId')?.getAttribute('w:val')
    const abstract = Array.from(numbering.getElementsByTagName('w:abstractNum')).find((a) => a.getAttribute('w:abstractNumId') === abstractId)
    const formats = abstract ? children(abstract, 'w:lvl').slice(0, 2).map((l) => child(l, 'w:numFmt')?.getAttribute('w:val') ?? '?') : []
    return { numId, formats }
  })
  return { headings1, shape, lists }
}

// ---------------------------------------------------------------- CSV

/** Parses our CSV (BOM, semicolons) into rows of strings. */
export function readCsv(bytes: Uint8Array): string[][] {
  return parseCsv(Buffer.from(bytes), { bom: true, delimiter: CSV_DELIMITER }) as string[][]
}

/** Rebuilds sheets' shape from CSV rows (header first): "<table>" → "<station> / <column>" → cards. */
export function csvShapes(rows: string[][]): Record<string, SheetShape> {
  const out: Record<string, SheetShape> = {}
  const byId = new Map<string, { card: ShapeCard; key: string }>()
  rows.slice(1).forEach(([id, table, station, column, , parent, key, text], i) => {
    if (id !== String(i + 1)) throw new Error(`CSV: Zeile ${i + 1} hat die ID ${id}`)
    const cards: ShapeCard[] = ((out[table!] ??= {})[`${station} / ${column}`] ??= [])
    if (parent === '') {
      if (key !== String(cards.length + 1)) throw new Error(`CSV: Karte ${key} nach ${cards.length} Karten in ${station} / ${column}`)
      const card = { text: text!, subPoints: [] }
      cards.push(card)
      byId.set(id!, { card, key: key! })
    } else {
      const owner = byId.get(parent!)
      if (!owner || key !== subPointKey(Number(owner.key), owner.card.subPoints.length + 1)) throw new Error(`CSV: Unterpunkt ${key} von ${parent} passt nicht in ${station} / ${column}`)
      owner.card.subPoints.push(text!)
    }
  })
  return out
}

// ---------------------------------------------------------------- Markdown

export const markdown = new MarkdownIt({ html: true, linkify: true })

/** Reads a sheet's Markdown with markdown-it: `##`/`###` (or one level deeper) headings and a nested list. */
export function readMarkdown(source: string, stationLevel = 2): { title: string; shape: SheetShape } {
  const tokens = markdown.parse(source, {})
  const shape: SheetShape = {}
  let title = ''
  let station = ''
  let key = ''
  let depth = 0
  let pendingHeading = ''
  for (const token of tokens) {
    if (token.type === 'heading_open') pendingHeading = token.tag
    else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') depth++
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') depth--
    else if (token.type === 'inline') {
      const text = (token.children ?? []).map((c) => (c.type === 'hardbreak' || c.type === 'softbreak' ? '\n' : c.content)).join('')
      if (pendingHeading === 'h1') title = text
      else if (pendingHeading === `h${stationLevel}`) station = text
      else if (pendingHeading === `h${stationLevel + 1}`) shape[(key = `${station} / ${text}`)] = []
      else if (depth === 1 && key) shape[key]!.push({ text, subPoints: [] })
      else if (depth === 2 && key) shape[key]!.at(-1)!.subPoints.push(text)
      pendingHeading = ''
    }
  }
  return { title, shape }
}

// ---------------------------------------------------------------- PDF structure (tagged PDF)

/** One element of a PDF's structure tree with the text of its own marked content. */
export interface StructNode {
  role: string
  text: string
  /** The alternative text (a Figure's), when the element has one. */
  alt?: string
  children: StructNode[]
}

/** A tagged PDF read back with pdf.js: its language, title, bookmarks and each page's structure tree. */
export interface PdfStructure {
  lang: string | undefined
  title: string | undefined
  outline: { title: string; items: string[] }[]
  /** Each bookmark below a chapter with the page (from 1) it leads to. */
  bookmarkPages: { title: string; page: number }[]
  pages: StructNode[]
}

/** Reads a tagged PDF's structure with pdf.js: what a screen reader or a PDF/UA checker walks. */
export async function readPdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise
  try {
    const meta = (await pdf.getMetadata()).info as { Language?: string; Title?: string }
    const read = (await pdf.getOutline()) ?? []
    const outline = read.map((o) => ({ title: o.title, items: o.items.map((i) => i.title) }))
    const bookmarkPages: { title: string; page: number }[] = []
    for (const item of read.flatMap((o) => o.items)) {
      const dest = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest
      const ref = dest?.[0] as { num: number; gen: number } | undefined
      if (ref) bookmarkPages.push({ title: item.title, page: (await pdf.getPageIndex(ref)) + 1 })
    }
    const pages: StructNode[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const texts = new Map<string, string>()
      let open: string | null = null
      for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContentProps') open = item.id ?? null
          else if (item.type === 'endMarkedContent') open = null
        } else if (open) texts.set(open, (texts.get(open) ?? '') + item.str)
      }
      type Raw = { role?: string; type?: string; id?: string; alt?: string; children?: Raw[] }
      const walk = (raw: Raw): StructNode => {
        const own = (raw.children ?? []).filter((c) => c.type === 'content').map((c) => texts.get(c.id!) ?? '')
        return { role: raw.role ?? '', text: own.join(''), ...(raw.alt ? { alt: raw.alt } : {}), children: (raw.children ?? []).filter((c) => c.role).map(walk) }
      }
      pages.push(walk(((await page.getStructTree()) ?? { role: 'Root', children: [] }) as Raw))
    }
    return { lang: meta.Language, title: meta.Title, outline, bookmarkPages, pages }
  } finally {
    await pdf.destroy()
  }
}

/** The elements with text of a structure tree, in reading order, as "Role: text" (whitespace removed from the text); figures as "Figure: <alt>". */
export function readingOrder(node: StructNode): string[] {
  const out: string[] = []
  const walk = (n: StructNode) => {
    if (n.role === 'Figure') out.push(`Figure: ${n.alt ?? ''}`)
    else if (n.text) out.push(`${n.role}: ${squash(n.text)}`)
    n.children.forEach(walk)
  }
  walk(node)
  return out
}

/** The reading order a sheet should have: headings, then per column its head and its list, column by column. */
export function expectedReadingOrder(sheet: ResultSheet): string[] {
  const out = [`H1: ${squash(sheet.heading)}`, `P: ${squash(sheet.cardCount ? `Ergebnisse · ${sheet.cardCount} Karte${sheet.cardCount === 1 ? '' : 'n'}` : 'Ergebnisse')}`]
  if (sheet.table.host) out.push(`P: ${squash(`Gastgeber*in: ${sheet.table.host}`)}`)
  for (const station of sheet.stations) {
    out.push(`H2: ${squash(station.heading)}`)
    if (station.columns.length === 0) out.push(`P: ${squash('Keine Ergebnisse an dieser Station.')}`)
    for (const column of station.columns) {
      out.push(`H3: ${squash(column.title)}`)
      for (const card of column.cards) {
        if (!card.label) out.push(`Lbl: ${card.number === null ? '•' : `${card.number}.`}`)
        out.push(`${card.label ? 'H4' : 'P'}: ${squash(card.body)}`)
        for (const sub of card.subItems) {
          if (!sub.label) out.push(`Lbl: ${sub.number === null ? '–' : `${sub.number}.`}`)
          out.push(`LBody: ${squash(sub.body)}`)
        }
      }
    }
  }
  return out
}
