import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { axeViolations } from './support/moderation-axe.js'

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Café mit Freigabe', tableNames: ['Wohnen'] })
})
afterAll(async () => {
  await closeCafe(cafe)
})

async function phoneAtWohnen() {
  const context = await cafe.browser.newContext(PHONE)
  const page = await context.newPage()
  await page.goto(`${cafe.server.url}${cafe.created.links.participant}`)
  await page.getByRole('button', { name: 'Wohnen' }).click()
  await page.getByRole('heading', { name: 'Wohnen' }).waitFor()
  return { context, page }
}

describe('approval mode in real browsers', () => {
  it('holds new cards until approved; a refused card stays with its author, who is told kindly', async () => {
    const { server, browser, created } = cafe
    const consoleContext = await browser.newContext(PROJECTOR)
    const consolePage = await consoleContext.newPage()
    await consolePage.goto(`${server.url}${created.links.facilitator}`)
    const author = await phoneAtWohnen()
    const other = await phoneAtWohnen()
    const approved = 'Wohnungsbörse der Stadt bekannter machen'
    const refused = 'Ein Satz, der hier nicht hingehört'
    try {
      await consolePage.getByLabel('Freigabe für die ganze Veranstaltung', { exact: false }).check()
      await expect.poll(() => consolePage.getByLabel('Freigabe für die ganze Veranstaltung', { exact: false }).isChecked()).toBe(true)

      for (const text of [approved, refused]) {
        await author.page.getByLabel('Deine Karte').fill(text)
        await author.page.getByRole('button', { name: 'Karte senden' }).click()
        await author.page.locator('[data-own-card][data-status="pending"]').getByText(text).waitFor({ timeout: 5000 })
      }
      await author.page.getByText('Wartet auf Freigabe').first().waitFor()
      const queue = consolePage.getByRole('list', { name: 'Warten auf Freigabe' })
      await queue.getByText(refused).waitFor({ timeout: 5000 })
      expect(await other.page.content()).not.toContain(approved)
      await consolePage.getByRole('button', { name: 'Wohnen · 2 Karten warten' }).waitFor({ timeout: 5000 })
      expect(await axeViolations(author.page)).toEqual([])
      expect(await axeViolations(consolePage)).toEqual([])

      await consolePage.getByRole('button', { name: `Karte „${approved}“ freigeben` }).click()
      await other.page.locator('.card-list').getByText(approved).waitFor({ timeout: 5000 })
      await author.page.locator('.card-list').getByText(approved).waitFor({ timeout: 5000 })

      await consolePage.getByRole('button', { name: `Karte „${refused}“ nicht zeigen`, exact: false }).click()
      const kept = author.page.locator('[data-own-card][data-status="refused"]')
      await kept.getByText(refused).waitFor({ timeout: 5000 })
      await kept.getByText('Danke fürs Mitschreiben!', { exact: false }).waitFor()
      await queue.waitFor({ state: 'detached', timeout: 5000 })
      expect(await other.page.content()).not.toContain(refused)
      expect(await axeViolations(author.page)).toEqual([])
    } finally {
      for (const c of [consoleContext, author.context, other.context]) await c.close()
    }
  })
})
