import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Ausgeblendet in Station 1', tableNames: ['Bildung'] })
})
afterAll(async () => {
  await closeCafe(cafe)
})

describe('a card hidden at an earlier station, on its author’s phone', () => {
  it('stays on the phone, folded under the station that runs now instead of above its form', async () => {
    const { server, browser, created } = cafe
    const consoleContext = await browser.newContext(PROJECTOR)
    const console_ = await consoleContext.newPage()
    await console_.goto(`${server.url}${created.links.facilitator}`)
    const phoneContext = await browser.newContext(PHONE)
    const phone = await phoneContext.newPage()
    try {
      await phone.goto(`${server.url}${created.links.participant}`)
      await phone.getByRole('button', { name: 'Bildung' }).click()
      await phone.getByRole('heading', { name: 'Bildung' }).waitFor()
      // openCafe has started Station 1.
      const text = 'Mehr Sprachkurse am Abend'
      await phone.getByLabel('Deine Karte').fill(text)
      await phone.getByRole('button', { name: 'Karte senden' }).click()
      await phone.locator('.card-list').getByText(text).waitFor({ timeout: 5000 })

      // Hidden at Station 1: it leaves the board and shows as the phone's own, with the reason.
      await console_.getByRole('button', { name: `Karte „${text}“ ausblenden` }).click()
      const own = phone.locator('[data-own-card][data-status="hidden"]')
      await own.getByText('Von der Moderation ausgeblendet').waitFor({ timeout: 5000 })
      await phone.getByRole('heading', { name: 'Nur auf diesem Handy sichtbar' }).waitFor()

      // Station 2 at the same table: the form comes first; the card of Station 1 waits folded away.
      await console_.getByRole('button', { name: 'Weiter: Station 2' }).click()
      await phone.getByRole('heading', { name: 'Jetzt beginnt: Station 2' }).waitFor({ timeout: 10_000 })
      await phone.getByRole('button', { name: 'Ich bleibe hier (Gastgeber*in)' }).click()
      await phone.getByRole('button', { name: 'Weiter: Station 2' }).click()
      const form = phone.getByLabel('Deine Karte')
      await form.waitFor({ timeout: 5000 })
      const earlier = phone.locator('.own-held-earlier')
      await earlier.getByText('1 Karte aus einer früheren Station, nur auf diesem Handy').waitFor({ timeout: 5000 })
      expect(await phone.getByRole('heading', { name: 'Nur auf diesem Handy sichtbar' }).count()).toBe(0)
      expect(await own.isVisible()).toBe(false)
      await earlier.getByText('1 Karte aus einer früheren Station', { exact: false }).click()
      await own.getByText(text).waitFor()
      expect(await own.isVisible()).toBe(true)
    } finally {
      await phoneContext.close()
      await consoleContext.close()
    }
  }, 90_000)
})
