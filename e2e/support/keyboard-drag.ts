import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** What dnd-kit's live region last told a screen reader. */
export const announced = (page: Page) => page.evaluate(() => [...document.querySelectorAll('[id^="DndLiveRegion"]')].map((n) => n.textContent ?? '').join(' '))

/**
 * Drags by keyboard as a screen-reader user would: space on the handle, then `key` until the
 * announcement says the handle is over the wanted spot, then space. Waits for each announcement
 * instead of pressing keys into a sensor that is not listening yet.
 */
export async function keyboardDrag(page: Page, handle: string, key: string, over: RegExp) {
  await page.getByRole('button', { name: handle, exact: true }).focus()
  await page.keyboard.press('Space')
  await page.waitForFunction(() => [...document.querySelectorAll('[id^="DndLiveRegion"]')].some((n) => /aufgenommen|ist über/.test(n.textContent ?? '')), undefined, { timeout: 5000 })
  for (let i = 0; i < 6 && !over.test(await announced(page)); i++) {
    await page.keyboard.press(key)
    await page
      .waitForFunction((source) => [...document.querySelectorAll('[id^="DndLiveRegion"]')].some((n) => new RegExp(source).test(n.textContent ?? '')), over.source, { timeout: 1000 })
      .catch(() => {})
  }
  expect(await announced(page)).toMatch(over)
  await page.keyboard.press('Space')
}
