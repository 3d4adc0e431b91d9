import { createRequire } from 'node:module'
import { Resvg } from '@resvg/resvg-js'
import { TREE_FONT } from './tree-svg.js'

/**
 * Widest PNG of a tree, in pixels: a picture for a document or a slide, not a poster. A larger tree
 * is scaled down to fit (the SVG keeps every detail at any size).
 * @default 2400
 */
export const TREE_PNG_MAX_WIDTH = 2400

let fontFiles: string[] | undefined

/** The PDFs' font files (DejaVu Sans, regular and bold), found once. */
function treeFontFiles(): string[] {
  const require = createRequire(import.meta.url)
  fontFiles ??= ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`))
  return fontFiles
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

/** Renders a tree's SVG to PNG on the server, with the PDFs' font (no system fonts are asked). */
export function svgToPng(svg: string, width: number, height: number): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: treePngWidth(width, height) },
    font: { loadSystemFonts: false, fontFiles: treeFontFiles(), defaultFontFamily: TREE_FONT },
    background: '#ffffff',
  })
  return new Uint8Array(resvg.render().asPng())
}
