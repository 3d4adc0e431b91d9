import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Resvg } from '@resvg/resvg-js'
import { FALLBACK_FONT_FILES, cjkFontFile, fallbackFonts } from '../fonts.js'
import { TREE_FONT } from './tree-svg.js'

/**
 * Widest PNG of a tree, in pixels: a picture for a document or a slide, not a poster. A larger tree
 * is scaled down to fit (the SVG keeps every detail at any size).
 * @default 2400
 */
export const TREE_PNG_MAX_WIDTH = 2400

let fontFiles: string[] | undefined

/**
 * The PDFs' font files, found once: DejaVu Sans (regular and bold) and the fallback fonts the PDF
 * text uses (Noto: Arabic, Ethiopic, emoji), which the renderer takes a character from where DejaVu
 * has none (emoji were drawn as empty boxes); Noto Sans CJK where the system has it (fonts.ts). A
 * missing file is left out: its characters are drawn as empty boxes.
 */
function treeFontFiles(): string[] {
  const require = createRequire(import.meta.url)
  fontFiles ??= [...['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) => `dejavu-fonts-ttf/ttf/${name}`), ...Object.values(FALLBACK_FONT_FILES)].flatMap((name) => {
    try {
      return [require.resolve(name)].filter((file) => existsSync(file))
    } catch {
      return []
    }
  })
  const cjk = cjkFontFile()
  return cjk ? [...fontFiles, cjk] : fontFiles
}

/**
 * Most pixels of a tree's PNG (2400 × 2500): a tall tree (hundreds of leaves under one node) is
 * scaled down to this instead of taking seconds and gigabytes to draw on the server's main thread
 * (the SVG keeps every detail).
 * @default 6_000_000
 */
export const TREE_PNG_MAX_PIXELS = 2400 * 2500

/** The PNG's width in pixels: 1.5 pixels per unit, at most 2400 wide and TREE_PNG_MAX_PIXELS in all. */
export function treePngWidth(width: number, height: number): number {
  const wide = Math.min(width * 1.5, TREE_PNG_MAX_WIDTH)
  const scale = Math.min(wide / width, Math.sqrt(TREE_PNG_MAX_PIXELS / Math.max(1, width * height)))
  return Math.max(1, Math.floor(width * scale))
}

/**
 * An emoji sequence: a flag's two letters, or an emoji (or keycap digit) with what clings to it: skin
 * tones, variation selectors, the keycap, tags, emoji joined by ZWJ ("🤷‍♀️", "👍🏽", "👩‍💻").
 */
const EMOJI_SEQUENCE = /\p{Regional_Indicator}{2}|(?:\p{Extended_Pictographic}|[#*0-9])(?:[\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]|\ufe0e|\ufe0f|\u20e3|\u200d\p{Extended_Pictographic})+/gu

/** The emoji font as fontkit parses it: what is read of its layout and glyphs here. */
interface EmojiFont {
  characterSet: number[]
  layout(text: string): { glyphs: { id: number; codePoints: number[] }[] }
  glyphForCodePoint(codePoint: number): { id: number }
}
/** The emoji font's characters by glyph id, the lowest where several share a glyph (a flag's glyph has only a private-use one). */
let characterOf: Map<number, number> | undefined

/**
 * An emoji sequence as characters the renderer draws one by one, each the emoji font's picture for
 * its part: the renderer takes a font per character, and drew a sequence's parts in different fonts
 * (empty boxes), or nothing of the line where the sequence was set in the emoji font. The PDF's
 * monochrome emoji font draws "🤷‍♀️" as "🤷" and "👍🏽" as "👍"; a picture with no character of its
 * own ("👩‍💻") is drawn as its emoji side by side ("👩💻").
 */
function drawableEmoji(sequence: string): string {
  let font: EmojiFont | undefined
  try {
    font = fallbackFonts().emoji as unknown as EmojiFont | undefined
  } catch {
    // No emoji font file: the sequence is drawn as it is (as boxes), the picture is still made.
  }
  if (!font) return sequence
  characterOf ??= new Map([...font.characterSet].reverse().map((cp) => [font!.glyphForCodePoint(cp).id, cp]))
  return font
    .layout(sequence)
    .glyphs.map((glyph) => {
      const cp = glyph.id === 0 ? undefined : characterOf!.get(glyph.id)
      return cp === undefined ? String.fromCodePoint(...glyph.codePoints).replace(/[^\p{Extended_Pictographic}\p{Regional_Indicator}]/gu, '') : String.fromCodePoint(cp)
    })
    .join('')
}

/** Renders a tree's SVG to PNG on the server, with the PDFs' fonts (no other system fonts are asked). */
export function svgToPng(svg: string, width: number, height: number): Uint8Array {
  const resvg = new Resvg(svg.replace(EMOJI_SEQUENCE, drawableEmoji), {
    fitTo: { mode: 'width', value: treePngWidth(width, height) },
    font: { loadSystemFonts: false, fontFiles: treeFontFiles(), defaultFontFamily: TREE_FONT },
    background: '#ffffff',
  })
  return new Uint8Array(resvg.render().asPng())
}
