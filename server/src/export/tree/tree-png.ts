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

/** Renders a tree's SVG to PNG on the server, with the PDFs' font (no system fonts are asked). */
export function svgToPng(svg: string, width: number): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.min(Math.round(width * 1.5), TREE_PNG_MAX_WIDTH) },
    font: { loadSystemFonts: false, fontFiles: treeFontFiles(), defaultFontFamily: TREE_FONT },
    background: '#ffffff',
  })
  return new Uint8Array(resvg.render().asPng())
}
