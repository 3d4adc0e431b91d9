import { describe, expect, it } from 'vitest'
import { type EventExport, type StructNode, winnendenFraming } from './framing-test-data.js'
import { renderEvent } from '../export-service.js'
import { docxParts, pdfText, readPdfStructure, readingOrder } from '../read-back.js'
import { pngChunk, testPng } from '../../framing/test-images.js'

/**
 * The organiser's framing as readers of the documentation meet it: subtitle and organisers on the
 * title page (logos with alternative text), the Einleitung before the agenda, the Ausblick before
 * the closing line, in PDF, Word and Markdown.
 */
const file: EventExport = winnendenFraming()
const squash = (s: string) => s.replace(/[\s\u00ad\-‐]+/g, '')

describe('the framing in the documentation', () => {
  it('PDF: title page with subtitle and organisers, Einleitung before the agenda, Ausblick before the thanks', async () => {
    const bytes = (await renderEvent(file, 'pdf')).bytes
    const text = squash(await pdfText(bytes))
    const at = (s: string) => text.indexOf(squash(s))
    expect(at('Integrationskonferenz des Rems-Murr-Kreises')).toBeGreaterThan(-1)
    expect(at('Veranstaltet von')).toBeGreaterThan(-1)
    expect(at('Landratsamt Rems-Murr-Kreis')).toBeGreaterThan(-1)
    expect(at('Stadt Winnenden')).toBeGreaterThan(-1)
    expect(at('Einleitung')).toBeLessThan(at('Tagesprogramm'))
    expect(at('Wir danken allen, die an den Thementischen mitgearbeitet haben.')).toBeGreaterThan(at('Einleitung'))
    expect(at('Die Ergebnisse gehen in den Integrationsplan 2020 ein.')).toBeGreaterThan(at('Thementisch: Digitalisierung'))
    expect(at('Ausblick')).toBeLessThan(at('Vielen Dank für Ihre Mitwirkung!'))
    expect(at('Die Ergebnisse gehen in den Integrationsplan 2020 ein.')).toBeLessThan(at('Vielen Dank für Ihre Mitwirkung!'))
  })

  it('PDF: each logo is a Figure with its alternative text, Einleitung and Ausblick are headings and bookmarks', async () => {
    const structure = await readPdfStructure((await renderEvent(file, 'pdf')).bytes)
    const order = structure.pages.flatMap(readingOrder)
    expect(order).toContain('Figure: Logo: Landratsamt Rems-Murr-Kreis')
    // The organiser without a logo is named, with no empty figure.
    expect(order.filter((e) => e.startsWith('Figure:'))).toEqual(['Figure: Logo: Landratsamt Rems-Murr-Kreis'])
    expect(order).toContain('P: StadtWinnenden')
    expect(order).toContain('H1: Einleitung')
    expect(order).toContain('H1: Ausblick')
    expect(order.indexOf('H1: Einleitung')).toBeLessThan(order.indexOf('H1: Tagesprogramm'))
    const titles = structure.outline.map((o) => o.title)
    expect(titles[0]).toBe('Einleitung')
    expect(titles.at(-1)).toBe('Ausblick')
    const figures: StructNode[] = []
    const walk = (n: StructNode) => (n.role === 'Figure' ? figures.push(n) : n.children.forEach(walk))
    structure.pages.forEach(walk)
    expect(figures).toHaveLength(1)
  })

  it('PDF: a stored logo whose second header claims another size is left out, its organiser still named', async () => {
    // Stored before uploads were refused for it: 1×1 as checked, then a header of 2000×2000 RGBA,
    // whose size pdfkit's reader takes (30000×30000 took gigabytes of the server's memory).
    const ihdr = Buffer.alloc(13)
    ihdr.writeUInt32BE(2000, 0)
    ihdr.writeUInt32BE(2000, 4)
    ihdr[8] = 8
    ihdr[9] = 6
    const png = testPng(1, 1)
    const twoHeaders = Buffer.concat([png.subarray(0, 33), pngChunk('IHDR', ihdr), png.subarray(33)]).toString('base64')
    const forged: EventExport = { ...file, logos: file.logos!.map((l) => ({ ...l, data: twoHeaders })) }
    const bytes = (await renderEvent(forged, 'pdf')).bytes
    const order = (await readPdfStructure(bytes)).pages.flatMap(readingOrder)
    expect(order.filter((e) => e.startsWith('Figure:'))).toEqual([])
    expect(squash(await pdfText(bytes))).toContain(squash('Landratsamt Rems-Murr-Kreis'))
  })

  it('Word: subtitle, organisers with the logo as a described image, Einleitung and Ausblick as Heading 1', async () => {
    const parts = docxParts((await renderEvent(file, 'docx')).bytes)
    const body = parts['word/document.xml']!
    expect(body).toContain('Integrationskonferenz des Rems-Murr-Kreises')
    expect(body).toContain('descr="Logo: Landratsamt Rems-Murr-Kreis"')
    expect(Object.keys(parts).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true)
    const headings = [...body.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1])
    expect(headings[0]).toBe('Einleitung')
    expect(headings).toContain('Ausblick')
    expect(body.indexOf('Die Ergebnisse gehen in den Integrationsplan 2020 ein.')).toBeLessThan(body.indexOf('Vielen Dank für Ihre Mitwirkung!'))
  })

  it('Markdown: subtitle, organisers named, Einleitung before the agenda, Ausblick before the thanks', async () => {
    const md = new TextDecoder().decode((await renderEvent(file, 'md')).bytes)
    expect(md).toContain('*Integrationskonferenz des Rems-Murr-Kreises*')
    expect(md).toContain('Veranstaltet von: Landratsamt Rems-Murr-Kreis, Stadt Winnenden')
    expect(md.indexOf('## Einleitung')).toBeLessThan(md.indexOf('## Tagesprogramm'))
    expect(md.indexOf('## Ausblick')).toBeGreaterThan(md.indexOf('## Thementisch'))
    expect(md.indexOf('## Ausblick')).toBeLessThan(md.indexOf('Vielen Dank für Ihre Mitwirkung!'))
    // Typed text stays text: a "#" or "*" of the organiser is no markup.
    expect(md).toContain('\\# 1 im Landkreis')
  })

  it('an event without framing looks as before: no Einleitung, no Ausblick, no organisers', async () => {
    const plain: EventExport = { ...file, event: { ...file.event, framing: undefined }, logos: undefined }
    const md = new TextDecoder().decode((await renderEvent(plain, 'md')).bytes)
    expect(md).not.toContain('Einleitung')
    expect(md).not.toContain('Veranstaltet von')
    const structure = await readPdfStructure((await renderEvent(plain, 'pdf')).bytes)
    expect(structure.outline.map((o) => o.title)[0]).toBe('Tagesprogramm')
  })
})
