import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
/** The rules the walks hold the app to: WCAG 2.1, levels A and AA (BITV 2.0). */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface AxeFindings {
  /** "rule at selector, selector, selector" for every violation. */
  violations: string[]
  /** How many rules passed: a page axe could not really look at passes next to none. */
  passes: number
  /** The page's `<html lang>`. */
  lang: string
}

/**
 * Runs axe-core (WCAG 2.1 A and AA) over the page as it is now, or over the part `include` selects.
 * Cards fading in (a new card, the reveal moment) are half-transparent while they animate, so
 * contrast is measured with motion reduced (no new fades start) and every finite animation ended;
 * afterwards the page's motion preference is what it was. axe is evaluated through the debugger
 * protocol, so the page's own Content-Security-Policy stays on.
 */
export async function axeCheck(page: Page, options: { include?: string } = {}): Promise<AxeFindings> {
  const reduced = await page.evaluate(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches)
  await page.emulateMedia({ reducedMotion: 'reduce' })
  try {
    await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => {}))))
    await page.evaluate(AXE)
    return await page.evaluate(
      async ({ tags, include }) => {
        type Result = { violations: { id: string; nodes: { target: string[] }[] }[]; passes: unknown[] }
        const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<Result> } }).axe
        const result = await axe.run(include ? { include: [include] } : document, { runOnly: { type: 'tag', values: tags } })
        return {
          passes: result.passes.length,
          lang: document.documentElement.lang,
          violations: result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
        }
      },
      { tags: WCAG, include: options.include ?? null },
    )
  } finally {
    await page.emulateMedia({ reducedMotion: reduced ? 'reduce' : 'no-preference' })
  }
}

/** WCAG 2.1 A/AA violations axe-core finds on the page (or inside `include`) as it is now. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const found = await axeCheck(page, include ? { include } : {})
  if (found.passes < 5) return [...found.violations, `axe checked only ${found.passes} rules (is the page there?)`]
  return found.violations
}
