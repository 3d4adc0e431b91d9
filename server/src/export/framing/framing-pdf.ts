import { checkLogo } from '../../framing/logo-image.js'
import { hyphenateDe } from '../hyphenate.js'
import { COLOR, CONTENT_WIDTH, MARGIN, PAGE, type PdfLayout } from '../pdf-layout.js'
import { type DocFraming, FRAMING_WORDS } from '../shared-export.js'

/**
 * The framing in the documentation PDF: the subtitle under the title, the organisers with their
 * logos at the foot of the title page (each logo a Figure with its alternative text), and the
 * "Einleitung" and "Ausblick" as chapters of their own, each a bookmark.
 */

/** Most organisers side by side on the title page; more wrap into further rows. */
const PER_ROW = 4
const GAP = 14
const LOGO_HEIGHT = 46
const NAME_SIZE = 8.5

/** The subtitle, under the title on the title page. */
export function drawFramingSubtitle(pdf: PdfLayout, framing: DocFraming | undefined, parent: PDFKit.PDFStructureElement): void {
  if (!framing?.subtitle) return
  pdf.flow(pdf.block(hyphenateDe(framing.subtitle), { font: 'regular', size: 14, color: COLOR.ink, indent: 0, width: CONTENT_WIDTH, gapAfter: 14, tags: pdf.tag('P', parent) }))
}

/** The organisers at the foot of the title page: "Veranstaltet von", then each one's logo above its name. */
export function drawFramingOrganisers(pdf: PdfLayout, framing: DocFraming | undefined, parent: PDFKit.PDFStructureElement): void {
  if (!framing?.organisers.length) return
  const perRow = Math.min(PER_ROW, framing.organisers.length)
  const width = (CONTENT_WIDTH - GAP * (perRow - 1)) / perRow
  const label = pdf.block(FRAMING_WORDS.organisers, { font: 'bold', size: 9, color: COLOR.muted, indent: 0, width: CONTENT_WIDTH, gapAfter: 8, tags: pdf.tag('P', parent) })
  const list = pdf.struct('L', parent)
  const boxes = framing.organisers.map((o) => {
    const item = pdf.struct('LI', list)
    const body = pdf.struct('LBody', item)
    const name = pdf.block(o.name, { font: 'regular', size: NAME_SIZE, color: COLOR.ink, indent: 0, width, gapAfter: 0, tags: pdf.tag('P', body) })
    return { organiser: o, body, name, height: (o.logo ? LOGO_HEIGHT + 6 : 0) + name.height }
  })
  const rows: (typeof boxes)[] = []
  for (let i = 0; i < boxes.length; i += perRow) rows.push(boxes.slice(i, i + perRow))
  const rowHeights = rows.map((row) => Math.max(...row.map((b) => b.height)) + GAP)
  const total = label.height + rowHeights.reduce((a, b) => a + b, 0)
  // At the foot of the page when there is room below the title, else right below it.
  let y = Math.max(pdf.y + 24, PAGE.height - MARGIN.bottom - total)
  if (y + total > PAGE.height - MARGIN.bottom) {
    pdf.newPage()
    y = MARGIN.top
  }
  y = pdf.draw(label, MARGIN.left, y)
  rows.forEach((row, r) => {
    // Names of one row share a line: under the logos, also where an organiser has none.
    const nameTop = row.some((b) => b.organiser.logo) ? y + LOGO_HEIGHT + 6 : y
    row.forEach((box, c) => {
      const x = MARGIN.left + c * (width + GAP)
      if (box.organiser.logo) drawLogo(pdf, box.organiser.logo, FRAMING_WORDS.logoAlt(box.organiser.name), box.body, x, y, width)
      pdf.draw(box.name, x, nameTop)
    })
    y += rowHeights[r]!
  })
  pdf.y = y
}

/**
 * Draws a logo fitted into `width` × LOGO_HEIGHT as a Figure with its alternative text; false (and
 * nothing drawn) when the image cannot be read, so the organiser's name still stands.
 */
function drawLogo(pdf: PdfLayout, logo: NonNullable<DocFraming['organisers'][number]['logo']>, alt: string, parent: PDFKit.PDFStructureElement, x: number, y: number, width: number): boolean {
  const doc = pdf.doc
  // Checked again as an upload is: a logo stored before a check was added cannot make the reader
  // allocate what its header claims (a second PNG header of 30000×30000 pixels).
  const checked = checkLogo(new Uint8Array(Buffer.from(logo.data, 'base64')))
  if (!checked.ok) return false
  let image: unknown
  try {
    // Opened first: an image pdfkit cannot read throws here, before anything is marked or drawn.
    image = (doc as unknown as { openImage(src: Buffer): unknown }).openImage(Buffer.from(checked.bytes))
  } catch {
    return false
  }
  const figure = doc.struct('Figure', { alt })
  parent.add(figure)
  const content = doc.markStructureContent('Figure', { bbox: [x, y, x + width, y + LOGO_HEIGHT] } as PDFKit.Mixins.MarkingOptions)
  doc.image(image as unknown as Buffer, x, y, { fit: [width, LOGO_HEIGHT], valign: 'center' })
  doc.endMarkedContent()
  figure.add(content)
  return true
}

/** A chapter of the organiser's text (Einleitung, Ausblick) from a new page: heading and paragraphs; nothing without text. */
export function drawFramingChapter(pdf: PdfLayout, title: string, paragraphs: readonly string[]): void {
  if (!paragraphs.length) return
  pdf.enter(undefined)
  pdf.newPage()
  // The contents list it with its page and a link.
  pdf.startChapter(title)
  pdf.doc.outline.addItem(title)
  const section = pdf.struct('Sect')
  pdf.flow(pdf.block(title, { font: 'bold', size: 18, color: COLOR.brand, indent: 0, width: CONTENT_WIDTH, gapAfter: 14, tags: pdf.tag('H1', section) }))
  for (const paragraph of paragraphs)
    pdf.flow(pdf.block(hyphenateDe(paragraph), { font: 'regular', size: 10.5, color: COLOR.ink, indent: 0, width: CONTENT_WIDTH, gapAfter: 9, tags: pdf.tag('P', section) }))
}
