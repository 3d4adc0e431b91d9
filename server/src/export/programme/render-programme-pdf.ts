import { formatDateDe } from '@tischrunde/shared'
import PDFDocument from 'pdfkit'
import { sheetFonts } from '../fonts.js'
import { breakLongWords } from '../long-words.js'
import { type HandoutEvent, type HandoutItem, PROGRAMME_WORDS } from './programme-handout.js'

const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const
const INK = '#1f2933'
const MUTED = '#4a5563'

/** Structure types of the handout's blocks: the event's title, an item's and a workshop's heading, the rest paragraphs. */
type Role = 'H1' | 'H2' | 'H3' | 'P'

/**
 * The programme as a printed handout (A4): the event's head, every item with its times, people and
 * description, each work phase with its workshops. pdfkit breaks the pages; text is drawn, never
 * interpreted, so typed text cannot become anything but text. Tagged: each item is a section with
 * its heading and paragraphs, each workshop one within it, so a screen reader reads the day in
 * order and can jump from heading to heading.
 */
export function renderProgrammePdf(event: HandoutEvent, items: readonly HandoutItem[]): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 56, right: 56 },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'de-DE',
    displayTitle: true,
    // Kept until the end, so that every page gets its number once the count is known.
    bufferPages: true,
    info: { Title: `${PROGRAMME_WORDS.programme}: ${event.title}`, Subject: PROGRAMME_WORDS.programme, Author: 'Tischrunde', Creator: 'Tischrunde' },
  })
  const fonts = sheetFonts()
  doc.registerFont(FONT.regular, fonts.regular)
  doc.registerFont(FONT.bold, fonts.bold)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
  const root = doc.struct('Document')
  doc.addStructure(root)
  const section = (parent: PDFKit.PDFStructureElement) => {
    const el = doc.struct('Sect')
    parent.add(el)
    return el
  }
  const text = (value: string, role: Role, parent: PDFKit.PDFStructureElement, font: keyof typeof FONT, size: number, color = INK, gap = 4) => {
    if (!value) return
    const el = doc.struct(role)
    parent.add(el)
    const content = doc.markStructureContent(role)
    doc.font(FONT[font]).fontSize(size).fillColor(color).text(breakLongWords(value), { lineGap: 1.5 })
    doc.endMarkedContent()
    el.add(content)
    el.end()
    doc.moveDown(gap / size)
  }
  const heightOf = (value: string, font: keyof typeof FONT, size: number) => (value ? doc.font(FONT[font]).fontSize(size).heightOfString(breakLongWords(value), { lineGap: 1.5 }) : 0)
  /** Three lines of 10 pt: what a heading keeps with it at most. */
  const FIRST_LINES = 3 * 13.5
  /** A heading keeps its first lines of text with it: a new page when they would not fit below it. */
  const keepWithNext = (heading: number, next: number) => {
    // 10 pt for the gaps between the blocks.
    if (doc.y + heading + Math.min(next, FIRST_LINES + 20) + 10 > doc.page.height - doc.page.margins.bottom) doc.addPage()
  }
  text(PROGRAMME_WORDS.programme, 'P', root, 'bold', 11, MUTED)
  text(event.title, 'H1', root, 'bold', 18, INK, 6)
  text([formatDateDe(event.date), event.place].filter(Boolean).join(' · '), 'P', root, 'regular', 10, MUTED, 14)
  if (items.length === 0) text(PROGRAMME_WORDS.empty, 'P', root, 'regular', 11)
  for (const item of items) {
    doc.moveDown(0.6)
    const title = item.subtitle ? `${item.title}: ${item.subtitle}` : item.title
    // An item's own first text, or else its first workshop's heading with the start of its text.
    const own = item.room ? PROGRAMME_WORDS.room(item.room) : item.people[0] || item.description
    const firstWorkshop = item.workshops[0]
    const next = own ? Math.min(heightOf(own, 'regular', 10), FIRST_LINES) : firstWorkshop ? heightOf(firstWorkshop.heading, 'bold', 11.5) + FIRST_LINES : 0
    keepWithNext(heightOf(item.time, 'bold', 10) + heightOf(title, 'bold', 13), next)
    const part = section(root)
    // The time first on the page, as people read a programme; read with its item.
    text(item.time, 'P', part, 'bold', 10, MUTED, 2)
    text(title, 'H2', part, 'bold', 13, INK, 3)
    if (item.room) text(PROGRAMME_WORDS.room(item.room), 'P', part, 'regular', 10, MUTED, 2)
    for (const p of item.people) text(p, 'P', part, 'regular', 10, INK, 1)
    text(item.description, 'P', part, 'regular', 10, INK, 4)
    for (const w of item.workshops) {
      doc.moveDown(0.4)
      keepWithNext(heightOf(w.heading, 'bold', 11.5), Math.min(heightOf(w.subtitle || w.description || w.room, 'regular', 10.5), FIRST_LINES))
      const workshop = section(part)
      text(w.heading, 'H3', workshop, 'bold', 11.5, INK, 2)
      text(w.subtitle, 'P', workshop, 'regular', 10.5, INK, 2)
      if (w.room) text(PROGRAMME_WORDS.room(w.room), 'P', workshop, 'regular', 9.5, MUTED, 2)
      text(w.description, 'P', workshop, 'regular', 9.5, INK, 2)
      if (w.speakers.length) text(`${PROGRAMME_WORDS.with}: ${w.speakers.join('; ')}`, 'P', workshop, 'regular', 9.5, MUTED, 4)
      workshop.end()
    }
    part.end()
  }
  root.end()
  // "Seite 1 von 4" at every page's foot (an artifact: not read as part of the programme).
  const pages = doc.bufferedPageRange()
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.markContent('Artifact', { type: 'Pagination' })
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED).text(PROGRAMME_WORDS.page(i + 1, pages.count), 56, doc.page.height - 40, { width: doc.page.width - 112, align: 'center', lineBreak: false })
    doc.endMarkedContent()
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}
