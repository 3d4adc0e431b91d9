import { formatDateDe } from '@tischrunde/shared'
import PDFDocument from 'pdfkit'
import { sheetFonts } from '../fonts.js'
import { breakLongWords } from '../long-words.js'
import { type HandoutEvent, type HandoutItem, PROGRAMME_WORDS } from './programme-handout.js'

const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const
const INK = '#1f2933'
const MUTED = '#4a5563'

/**
 * The programme as a printed handout (A4): the event's head, every item with its times, people and
 * description, each work phase with its workshops. pdfkit breaks the pages; text is drawn, never
 * interpreted, so typed text cannot become anything but text.
 */
export function renderProgrammePdf(event: HandoutEvent, items: readonly HandoutItem[]): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 56, right: 56 },
    pdfVersion: '1.7',
    lang: 'de-DE',
    displayTitle: true,
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
  const text = (value: string, font: keyof typeof FONT, size: number, color = INK, gap = 4) => {
    if (!value) return
    doc.font(FONT[font]).fontSize(size).fillColor(color).text(breakLongWords(value), { lineGap: 1.5 })
    doc.moveDown(gap / size)
  }
  text(PROGRAMME_WORDS.programme, 'bold', 11, MUTED)
  text(event.title, 'bold', 18, INK, 6)
  text([formatDateDe(event.date), event.place].filter(Boolean).join(' · '), 'regular', 10, MUTED, 14)
  if (items.length === 0) text(PROGRAMME_WORDS.empty, 'regular', 11)
  for (const item of items) {
    doc.moveDown(0.6)
    text(item.time, 'bold', 10, MUTED, 2)
    text(item.subtitle ? `${item.title}: ${item.subtitle}` : item.title, 'bold', 13, INK, 3)
    if (item.room) text(PROGRAMME_WORDS.room(item.room), 'regular', 10, MUTED, 2)
    for (const p of item.people) text(p, 'regular', 10, INK, 1)
    text(item.description, 'regular', 10, INK, 4)
    for (const w of item.workshops) {
      doc.moveDown(0.4)
      text(w.heading, 'bold', 11.5, INK, 2)
      text(w.subtitle, 'regular', 10.5, INK, 2)
      if (w.room) text(PROGRAMME_WORDS.room(w.room), 'regular', 9.5, MUTED, 2)
      text(w.description, 'regular', 9.5, INK, 2)
      if (w.speakers.length) text(`${PROGRAMME_WORDS.with}: ${w.speakers.join('; ')}`, 'regular', 9.5, MUTED, 4)
    }
  }
  doc.end()
  return done
}
