import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { FALLBACK_FONT_FILES } from './fonts.js'
import { scriptRuns } from './pdf-scripts.js'

/**
 * Fonts a Word document carries for text its own font (Arial) may lack on the reader's machine:
 * emoji and Ethiopic (Tigrinya, Amharic), the Noto fonts the PDF uses (SIL OFL 1.1, which allows
 * embedding). Only a document with such text embeds them, each once. Arabic and Persian stay in
 * Arial: Word and LibreOffice draw them from it (or their own fallback) and shape them right to left.
 */
export const DOCX_FALLBACK_FONTS = { emoji: 'Noto Emoji', ethiopic: 'Noto Sans Ethiopic' } as const
type Embedded = keyof typeof DOCX_FALLBACK_FONTS

const require = createRequire(import.meta.url)
const files = new Map<Embedded, Buffer>()

/** The font file, read once per process. */
function fontFile(which: Embedded): Buffer {
  let data = files.get(which)
  if (!data) files.set(which, (data = readFileSync(require.resolve(FALLBACK_FONT_FILES[which]))))
  return data
}

/** Fallback fonts the runs of one document used; `take` hands them over for embedding and starts afresh. */
export class DocxFontUse {
  private used = new Set<Embedded>()

  /** Splits a line into pieces by font: `font` set where an embedded fallback draws the piece. */
  pieces(line: string): { text: string; font?: string }[] {
    const out: { text: string; font?: string }[] = []
    for (const run of scriptRuns(line)) {
      const embedded = run.fallback === 'emoji' || run.fallback === 'ethiopic' ? run.fallback : undefined
      if (embedded) this.used.add(embedded)
      const font = embedded ? DOCX_FALLBACK_FONTS[embedded] : undefined
      const last = out.at(-1)
      if (last && last.font === font) last.text += run.text
      else out.push(font ? { text: run.text, font } : { text: run.text })
    }
    return out
  }

  /** The fonts to embed in the document whose runs were made since the last call. */
  take(): { name: string; data: Buffer }[] {
    const fonts = [...this.used].sort().map((which) => ({ name: DOCX_FALLBACK_FONTS[which], data: fontFile(which) }))
    this.used = new Set()
    return fonts
  }
}
