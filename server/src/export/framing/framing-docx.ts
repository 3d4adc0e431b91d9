import { type FileChild, HeadingLevel, ImageRun, Paragraph, TextRun } from 'docx'
import { checkLogo } from '../../framing/logo-image.js'
import { breakLongWords } from '../long-words.js'
import { isRightToLeft } from '../pdf-scripts.js'
import { type DocFraming, FRAMING_WORDS } from '../shared-export.js'

/**
 * The framing in the Word documentation: subtitle and organisers (logos as images with alternative
 * text, names below) on the title page, "Einleitung" and "Ausblick" as Heading 1 chapters with
 * Normal paragraphs, so Word's contents, navigation and restyling reach them.
 */

/** Largest logo on the title page, in pixels at 96 dpi (about 4 × 1.3 cm). */
const LOGO_BOX = { width: 150, height: 48 }

const text = (value: string, opts: { bold?: boolean; color?: string; size?: number } = {}) => {
  const rtl = isRightToLeft(value) ? { rightToLeft: true } : {}
  return breakLongWords(value)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...opts, ...rtl, ...(i > 0 ? { break: 1 } : {}) }))
}
const direction = (value: string) => (isRightToLeft(value) ? { bidirectional: true } : {})

/** The subtitle, right under the title. */
export function framingSubtitleDocx(framing: DocFraming | undefined): FileChild[] {
  return framing?.subtitle ? [new Paragraph({ ...direction(framing.subtitle), spacing: { after: 240 }, children: text(framing.subtitle, { size: 28 }) })] : []
}

/** "Veranstaltet von", then each organiser: its logo (when it has one), then its name. */
export function framingOrganisersDocx(framing: DocFraming | undefined): FileChild[] {
  if (!framing?.organisers.length) return []
  return [
    new Paragraph({ spacing: { before: 1200, after: 120 }, keepNext: true, children: text(FRAMING_WORDS.organisers, { bold: true, color: '5B6777', size: 18 }) }),
    ...framing.organisers.flatMap((o, i) => {
      const last = i === framing.organisers.length - 1
      const logo = o.logo ? logoRun(o.logo, FRAMING_WORDS.logoAlt(o.name)) : undefined
      return [
        ...(logo ? [new Paragraph({ keepNext: true, spacing: { before: 160 }, children: [logo] })] : []),
        new Paragraph({ ...direction(o.name), keepNext: !last, spacing: { after: 80 }, children: text(o.name, { size: 18 }) }),
      ]
    }),
  ]
}

/** A logo scaled into LOGO_BOX, keeping its proportions; undefined when it is no image we can read. */
function logoRun(logo: NonNullable<DocFraming['organisers'][number]['logo']>, alt: string): ImageRun | undefined {
  const bytes = new Uint8Array(Buffer.from(logo.data, 'base64'))
  const checked = checkLogo(bytes)
  if (!checked.ok) return undefined
  const scale = Math.min(LOGO_BOX.width / checked.width, LOGO_BOX.height / checked.height, 1)
  return new ImageRun({
    type: checked.type === 'image/png' ? 'png' : 'jpg',
    data: checked.bytes,
    transformation: { width: Math.max(1, Math.round(checked.width * scale)), height: Math.max(1, Math.round(checked.height * scale)) },
    altText: { name: alt, description: alt, title: alt },
  })
}

/** A chapter of the organiser's text from a new page; nothing without text. */
export function framingChapterDocx(title: string, paragraphs: readonly string[]): FileChild[] {
  if (!paragraphs.length) return []
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: text(title) }),
    ...paragraphs.map((p) => new Paragraph({ ...direction(p), spacing: { after: 160 }, children: text(p) })),
  ]
}
