import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECTOR } from './support/browser.js'
import { putCards } from './support/board-writer.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { facilitatorSocket } from './support/facilitator.js'
import { axeViolations } from './support/axe.js'

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Fokus-Café', tableNames: ['Sprache'] })
})
afterAll(async () => {
  await closeCafe(cafe)
})

/** What holds the keyboard's focus: its accessible name as a user would hear it (or the tag). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null
    if (!a || a === document.body) return 'body'
    return a.getAttribute('aria-label') ?? (a.tagName === 'TEXTAREA' ? `textarea:${(a as HTMLTextAreaElement).value}` : (a.textContent ?? '').trim())
  })

describe('the console keeps the keyboard’s place', () => {
  it('after hiding, editing and merging cards, and Escape leaves merging and editing where they began', async () => {
    const { server, browser, created } = cafe
    await putCards(server.url, created, 'sprache', 'laeuft-gut', ['Erste Karte', 'Zweite Karte', 'Dritte Karte'])
    const context = await browser.newContext(PROJECTOR)
    const page = await context.newPage()
    try {
      await page.goto(`${server.url}${created.links.facilitator}`)
      const hide = (text: string) => page.getByRole('button', { name: `Karte „${text}“ ausblenden` })
      await hide('Erste Karte').waitFor()

      // Hiding by keyboard: the card leaves the list, the focus goes to the card now in its place.
      await hide('Erste Karte').focus()
      await page.keyboard.press('Enter')
      await page.getByRole('list', { name: 'Ausgeblendete Karten' }).getByText('Erste Karte').waitFor()
      await expect.poll(() => focused(page)).toBe('Karte „Zweite Karte“ bearbeiten')

      // Editing: Enter opens the form with the focus in its text; Escape closes it, the focus back on "Bearbeiten".
      await page.keyboard.press('Enter')
      await expect.poll(() => focused(page)).toBe('textarea:Zweite Karte')
      await page.keyboard.press('Escape')
      await expect.poll(() => focused(page)).toBe('Karte „Zweite Karte“ bearbeiten')

      // Merging: choosing the card keeps the focus on it ("Abbrechen"); Escape leaves merging, back on "Zusammenführen …".
      await page.getByRole('button', { name: 'Karte „Zweite Karte“ mit einer anderen zusammenführen' }).focus()
      await page.keyboard.press('Enter')
      await page.getByText('Karte „Zweite Karte“ ist ausgewählt', { exact: false }).waitFor()
      await expect.poll(() => focused(page)).toBe('Abbrechen')
      await page.keyboard.press('Escape')
      await page.getByText('Karte „Zweite Karte“ ist ausgewählt', { exact: false }).waitFor({ state: 'detached' })
      await expect.poll(() => focused(page)).toBe('Karte „Zweite Karte“ mit einer anderen zusammenführen')

      // Merging through: the chosen card goes into the other; the focus stays on the card that remains.
      await page.keyboard.press('Enter')
      await page.getByRole('button', { name: 'Hierhin zusammenführen: die ausgewählte Karte geht in „Dritte Karte“ auf' }).focus()
      await page.keyboard.press('Enter')
      await hide('Zweite Karte').waitFor({ state: 'detached' })
      await expect.poll(() => focused(page)).toBe('Karte „Dritte Karte“ bearbeiten')

      // The last visible card hidden: no card left in the list, the focus on its heading (not the page's start).
      await hide('Dritte Karte').focus()
      await page.keyboard.press('Enter')
      await page.getByText('Noch keine Karten an dieser Pinnwand.').waitFor()
      await expect.poll(() => focused(page)).toBe('Karten an der Pinnwand')
    } finally {
      await context.close()
    }
  })

  it('lists the board’s cards under their station and column, and merges a card only into one of its own column', async () => {
    const { server, browser, created } = cafe
    await putCards(server.url, created, 'sprache', 'laeuft-gut', ['Gut: Sprachcafé'])
    await putCards(server.url, created, 'sprache', 'hakt-es', ['Hakt: Wartezeiten'])
    const context = await browser.newContext(PROJECTOR)
    const page = await context.newPage()
    try {
      await page.goto(`${server.url}${created.links.facilitator}`)
      const good = page.getByRole('list', { name: 'Station 1 · Was läuft gut?' })
      const stuck = page.getByRole('list', { name: 'Station 1 · Wo hakt es?' })
      await good.getByText('Gut: Sprachcafé').waitFor()
      await stuck.getByText('Hakt: Wartezeiten').waitFor()
      expect(await good.getByText('Hakt: Wartezeiten').count()).toBe(0)
      await page.getByRole('button', { name: 'Karte „Gut: Sprachcafé“ mit einer anderen zusammenführen' }).click()
      await page.getByText('Karte „Gut: Sprachcafé“ ist ausgewählt', { exact: false }).waitFor()
      expect(await stuck.getByRole('button', { name: /^Hierhin zusammenführen/ }).count()).toBe(0)
      await page.keyboard.press('Escape')
    } finally {
      await context.close()
    }
  })

  it('ending the event: "Abbrechen" leads back to the button that asked, the yes leaves the focus in the control bar', async () => {
    const { server, browser, created } = cafe
    const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
    for (let i = 0; i < 3; i++) expect((await facilitator.advance()).ok).toBe(true)
    facilitator.close()
    const context = await browser.newContext(PROJECTOR)
    const page = await context.newPage()
    try {
      await page.goto(`${server.url}${created.links.facilitator}`)
      const end = page.getByRole('button', { name: 'Veranstaltung beenden', exact: true })
      await end.focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => focused(page)).toBe('Ja, beenden')
      // The yes is readable (it was red on navy, 1.5:1) and so is the focus ring around it.
      expect(await axeViolations(page, '.confirm-end')).toEqual([])
      const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineColor)
      expect(ring).toBe('rgb(20, 32, 43)')
      await page.getByRole('alertdialog').getByRole('button', { name: 'Abbrechen' }).click()
      await expect.poll(() => focused(page)).toBe('Veranstaltung beenden')
      await page.keyboard.press('Enter')
      await page.keyboard.press('Enter')
      await page.locator('.round-phase', { hasText: 'Beendet' }).waitFor()
      // The next step's button is disabled for good now: the focus is handed on, not dropped to the page.
      await expect.poll(() => focused(page), { timeout: 5000 }).not.toBe('body')
      expect(await page.evaluate(() => !!document.activeElement?.closest('.round-controls'))).toBe(true)
      // On a control one sees, not on a heading only screen readers hear.
      expect(await page.evaluate(() => document.activeElement!.getBoundingClientRect().width)).toBeGreaterThan(8)
    } finally {
      await context.close()
    }
  })

  it("keeps what is scrolled to or focused clear of the sticky control bar (a section's heading was behind it)", async () => {
    const { server, browser, created } = cafe
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' })
    const page = await context.newPage()
    try {
      await page.goto(`${server.url}${created.links.facilitator}`)
      const heading = page.getByRole('heading', { name: 'Moderation', exact: true })
      await heading.waitFor()
      // A jump to the section (as its link or a scroll into view does) and a focus from the keyboard further down.
      await heading.evaluate((el) => el.scrollIntoView({ block: 'start' }))
      const clear = async (target: ReturnType<Page['locator']>) => {
        const [bar, box] = await Promise.all([page.locator('.console-bar').boundingBox(), target.boundingBox()])
        return box!.y >= bar!.y + bar!.height
      }
      expect(await clear(heading)).toBe(true)
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
      const field = page.getByLabel('Titel der Veranstaltung')
      await field.focus()
      expect(await clear(field)).toBe(true)
    } finally {
      await context.close()
    }
  })
})
