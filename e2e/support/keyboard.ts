import type { Page } from 'playwright-core'

/** Presses Tab until the focused element matches `accept` (at most `max` presses); answers its text. */
export async function tabTo(page: Page, accept: (el: { tag: string; text: string; cls: string }) => boolean, max = 60): Promise<string> {
  const stops: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null
      return { tag: a?.tagName.toLowerCase() ?? '', text: (a?.innerText || a?.getAttribute('aria-label') || '').trim(), cls: a?.className ?? '' }
    })
    if (accept(el)) return el.text
    stops.push(`${el.tag}${el.text ? ` "${el.text.slice(0, 40)}"` : ''}`)
  }
  throw new Error(`no focusable element found after ${max} Tab presses; the focus went: ${stops.join(' → ')}`)
}
