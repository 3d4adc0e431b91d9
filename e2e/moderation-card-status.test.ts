import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Kartenstatus beim Moderieren', tableNames: ['Bildung'] })
})
afterAll(async () => {
  await closeCafe(cafe)
})

async function phoneAtBildung() {
  const context = await cafe.browser.newContext(PHONE)
  const page = await context.newPage()
  await page.goto(`${cafe.server.url}${cafe.created.links.participant}`)
  await page.getByRole('button', { name: 'Bildung' }).click()
  await page.getByRole('heading', { name: 'Bildung' }).waitFor()
  return { context, page }
}

/** What the author's phone says of one of its cards on the board ("wird gesendet" / "gespeichert"). */
async function boardStatus(page: Page, text: string): Promise<string> {
  const card = page.locator('.card-list li.card').filter({ has: page.locator('.card-text', { hasText: text }) })
  await card.waitFor({ timeout: 5000 })
  return (await card.locator('.card-status').textContent()) ?? ''
}

async function send(page: Page, text: string) {
  await page.getByLabel('Deine Karte').fill(text)
  await page.getByRole('button', { name: 'Karte senden' }).click()
}

describe('the author’s phone tells the truth about a moderated card', () => {
  it('says "gespeichert" for a card shown after collect-then-reveal, after approval and after a restore', async () => {
    const { server, browser, created } = cafe
    const consoleContext = await browser.newContext(PROJECTOR)
    const consolePage = await consoleContext.newPage()
    await consolePage.goto(`${server.url}${created.links.facilitator}`)
    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${created.links.projector.replace('#', '?table=bildung#')}`)
    const author = await phoneAtBildung()
    const stage = projector.locator('.projector-stage')
    try {
      // Collect, then reveal.
      const collected = 'Elternabende mit Sprachmittlung'
      const station = consolePage.locator('[data-moderation-station="station-1"]')
      await station.getByLabel('Erst sammeln, dann aufdecken').check()
      await author.page.getByText('Die Karten werden gesammelt', { exact: false }).first().waitFor({ timeout: 5000 })
      await send(author.page, collected)
      // Stored and held: the phone says so, and shows no card as still on its way.
      const held = author.page.locator('[data-own-card][data-status="collected"]')
      await held.getByText(collected).waitFor({ timeout: 5000 })
      await held.getByText('Gesammelt, wird beim Aufdecken für alle sichtbar').waitFor()
      await station.getByText('1 Karte gesammelt', { exact: false }).waitFor({ timeout: 5000 })
      expect(await author.page.getByText('wird gesendet', { exact: true }).count()).toBe(0)
      await station.getByRole('button', { name: '„Station 1“ aufdecken' }).click()
      await stage.getByText(collected).waitFor({ timeout: 5000 })
      await expect.poll(() => boardStatus(author.page, collected), { timeout: 5000 }).toBe('gespeichert')
      await held.waitFor({ state: 'detached', timeout: 5000 })
      // Stays so after a reload (the device copy and the stored "saved" mark).
      await author.page.reload()
      await author.page.getByRole('heading', { name: 'Bildung' }).waitFor()
      await expect.poll(() => boardStatus(author.page, collected), { timeout: 5000 }).toBe('gespeichert')

      // The approval queue.
      const approved = 'Hausaufgabenhilfe in der Stadtbibliothek'
      await consolePage.getByLabel('Freigabe für die ganze Veranstaltung', { exact: false }).check()
      await expect.poll(() => consolePage.getByLabel('Freigabe für die ganze Veranstaltung', { exact: false }).isChecked()).toBe(true)
      await send(author.page, approved)
      const waiting = author.page.locator('[data-own-card][data-status="pending"]')
      await waiting.getByText(approved).waitFor({ timeout: 5000 })
      await waiting.getByText('Wartet auf Freigabe').waitFor()
      expect(await author.page.getByText('wird gesendet', { exact: true }).count()).toBe(0)
      await consolePage.getByRole('button', { name: `Karte „${approved}“ freigeben` }).click()
      await stage.getByText(approved).waitFor({ timeout: 5000 })
      await expect.poll(() => boardStatus(author.page, approved), { timeout: 5000 }).toBe('gespeichert')
      await waiting.waitFor({ state: 'detached', timeout: 5000 })

      // Hidden by the facilitator, then restored.
      await consolePage.getByRole('button', { name: `Karte „${collected}“ ausblenden` }).click()
      await author.page.locator('.card-list').getByText(collected).waitFor({ state: 'detached', timeout: 5000 })
      await stage.getByText(collected).waitFor({ state: 'detached', timeout: 5000 })
      await consolePage.getByRole('button', { name: `Karte „${collected}“ wiederherstellen` }).click()
      await stage.getByText(collected).waitFor({ timeout: 5000 })
      await expect.poll(() => boardStatus(author.page, collected), { timeout: 5000 }).toBe('gespeichert')

      // A mark the facilitator sets does not make the card look unsent either.
      await consolePage.getByRole('button', { name: `Karte „${approved}“ oben anheften` }).click()
      await author.page.locator('.card-list li.card', { hasText: approved }).getByText('Oben angeheftet').waitFor({ timeout: 5000 })
      await expect.poll(() => boardStatus(author.page, approved), { timeout: 5000 }).toBe('gespeichert')
      expect(await author.page.getByText('wird gesendet', { exact: true }).count()).toBe(0)
    } finally {
      for (const c of [consoleContext, projectorContext, author.context]) await c.close()
    }
  })
})
