import { formatDateDe } from '@tischrunde/shared'
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { type HandoutEvent, type HandoutItem, PROGRAMME_WORDS } from './programme-handout.js'

/**
 * The programme as a Word handout: heading styles (so Word's navigation works) for the items and
 * workshops, plain paragraphs for people and descriptions. Text goes in as runs, escaped by the
 * library: typed text never becomes markup.
 */
export async function renderProgrammeDocx(event: HandoutEvent, items: readonly HandoutItem[]): Promise<Uint8Array> {
  // Headings (and a workshop's subtitle) stay on the page of the text they head (Word's "keep with next").
  const para = (text: string, opts: { bold?: boolean; italics?: boolean; keepNext?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {}) =>
    new Paragraph({ ...(opts.heading ? { heading: opts.heading, keepNext: true } : {}), ...(opts.keepNext ? { keepNext: true } : {}), children: [new TextRun({ text, bold: opts.bold ?? false, italics: opts.italics ?? false })] })
  const children: Paragraph[] = [para(event.title, { heading: HeadingLevel.TITLE }), para([formatDateDe(event.date), event.place].filter(Boolean).join(' · '), { italics: true })]
  if (items.length === 0) children.push(para(PROGRAMME_WORDS.empty))
  for (const item of items) {
    children.push(para(`${item.time}  ${item.subtitle ? `${item.title}: ${item.subtitle}` : item.title}`, { heading: HeadingLevel.HEADING_1 }))
    if (item.room) children.push(para(PROGRAMME_WORDS.room(item.room), { italics: true }))
    for (const p of item.people) children.push(para(p))
    if (item.description) children.push(para(item.description))
    for (const w of item.workshops) {
      children.push(para(w.heading, { heading: HeadingLevel.HEADING_2 }))
      if (w.subtitle) children.push(para(w.subtitle, { bold: true, keepNext: true }))
      if (w.room) children.push(para(PROGRAMME_WORDS.room(w.room), { italics: true }))
      if (w.description) children.push(para(w.description))
      if (w.speakers.length) children.push(para(`${PROGRAMME_WORDS.with}: ${w.speakers.join('; ')}`, { italics: true }))
    }
  }
  const doc = new Document({
    creator: 'Tischrunde',
    title: `${PROGRAMME_WORDS.programme}: ${event.title}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children }],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
