import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** WCAG 2.1 A/AA violations axe-core finds on the page as it is now (as the route walk checks them). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Cards fading in (and the reveal moment) are half-transparent while they animate: as the route
  // walk does, contrast is measured with motion reduced and running animations ended.
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => {}))))
  await page.evaluate(AXE)
  const found = await page.evaluate(async (tags) => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] }
    const axe = (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<Result> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
  }, WCAG)
  await page.emulateMedia({ reducedMotion: 'no-preference' })
  return found
}
