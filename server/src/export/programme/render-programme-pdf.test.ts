import { describe, expect, it } from 'vitest'
import { docxParts, readPdfStructure, readingOrder } from '../read-back.js'
import type { HandoutItem } from './programme-handout.js'
import { renderProgrammeDocx } from './render-programme-docx.js'
import { renderProgrammePdf } from './render-programme-pdf.js'

const event = { title: 'Transferforum', date: '2018-06-19', place: 'Köln' }
const sentence = 'Wie gelingt es, unterschiedliche Akteure zum gemeinsamen Arbeiten anzuleiten und ein tragfähiges Netzwerk aufzubauen? '
const workshop = (n: number, sentences: number) => ({ heading: `Workshop ${n}: Führen auf Augenhöhe`, subtitle: 'Koordinieren ohne Weisungsbefugnis', room: `Raum ${n}`, speakers: ['Claudia Bollig'], description: sentence.repeat(sentences) })

/** A day whose first item's text grows by `lines`: the next headings land at every height of the page in turn. */
function day(lines: number): HandoutItem[] {
  return [
    { time: '09:00 – 10:00 Uhr', title: 'Begrüßung', subtitle: '', room: '', people: [], description: sentence.repeat(4 + lines), workshops: [] },
    { time: '10:00 – 11:30 Uhr', title: 'Arbeitsphase I', subtitle: 'Praxisbeispiele', room: '', people: [], description: '', workshops: [workshop(1, 9), workshop(2, 7), workshop(3, 8)] },
    { time: '11:30 – 12:00 Uhr', title: 'Pause', subtitle: '', room: '', people: [], description: 'Kaffee und Gespräche im Foyer', workshops: [] },
    { time: '12:00 – 13:30 Uhr', title: 'Arbeitsphase II', subtitle: 'Methoden', room: '', people: [], description: '', workshops: [workshop(4, 6), workshop(5, 9)] },
  ]
}

describe('the printed programme (PDF handout)', () => {
  it('never leaves a heading or an item’s time alone at the foot of a page, wherever the page breaks', async () => {
    const ends: string[] = []
    for (let lines = 0; lines < 48; lines += 2) {
      const structure = await readPdfStructure(await renderProgrammePdf(event, day(lines)))
      expect(structure.pages.length).toBeGreaterThan(1)
      for (const page of structure.pages.slice(0, -1)) ends.push(readingOrder(page).at(-1) ?? '')
    }
    expect(ends.filter((end) => /^(H2|H3): |^P: \d{2}:\d{2}/.test(end))).toEqual([])
  }, 60_000)
})

describe('the programme for Word (DOCX handout)', () => {
  it('keeps every heading with the text below it, so Word never ends a page with one', async () => {
    const xml = docxParts(await renderProgrammeDocx(event, day(0)))['word/document.xml']!
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p .*?<\/w:p>/gs) ?? []
    const headings = paragraphs.filter((p) => /<w:pStyle w:val="Heading[12]"\/>/.test(p))
    expect(headings).toHaveLength(4 + 5)
    for (const heading of headings) expect(heading).toContain('<w:keepNext/>')
  })
})
