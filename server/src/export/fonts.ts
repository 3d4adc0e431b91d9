import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * DejaVu Sans, shipped by the `dejavu-fonts-ttf` package: covers German and most European and
 * Cyrillic/Greek scripts. PDFs embed a subset of it, so they never depend on the reader's fonts.
 */
export interface SheetFonts {
  regular: Buffer
  bold: Buffer
}

let cached: SheetFonts | undefined

/** Reads the font files once per process (about 1.4 MB). */
export function sheetFonts(): SheetFonts {
  if (cached) return cached
  const require = createRequire(import.meta.url)
  const file = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`))
  cached = { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf') }
  return cached
}
