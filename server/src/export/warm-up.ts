import { setImmediate as nextTurn } from 'node:timers/promises'
import { parsedSheetFonts } from './fonts.js'
import { hyphenateDe } from './hyphenate.js'
import { FONT, PdfLayout } from './pdf-layout.js'

/**
 * What a new export thread does before its first job, step by step, each a few tens of ms: parse
 * the fonts, read their shaping tables (kerning, ligatures: read on the first word shaped), load
 * the hyphenation patterns, and lay out and write a small PDF (the code paths a documentation
 * runs). It never renders anything a job gets: the first job only finds this done. `stop()` ends it
 * after the current step, when a job arrives.
 */
export function warmUp(): { stop: () => void } {
  let stopped = false
  const steps: (() => unknown)[] = [
    () => parsedSheetFonts(),
    () => hyphenateDe('Integrationsmanagement Zusammenarbeit'),
    () => {
      const pdf = new PdfLayout({ title: 'Aufwärmen', subject: 'Aufwärmen' })
      for (const font of ['regular', 'bold'] as const) {
        pdf.flow(pdf.block(hyphenateDe('Bürgerinnen und Bürger, Ehrenamtliche, Fachkräfte: „Wie können wir gemeinsam …?“ – 1. Schritt'), { font, size: 9.5, color: '#000000', indent: 0, width: 160, gapAfter: 4, tags: pdf.tag('P') }))
      }
      pdf.doc.font(FONT.regular)
      return pdf.finish({ left: '', right: '', short: '', pageLabel: () => '', continued: () => [] })
    },
  ]
  void (async () => {
    for (const step of steps) {
      await nextTurn()
      if (stopped) return
      await step()
    }
  })().catch(() => {})
  return { stop: () => (stopped = true) }
}
