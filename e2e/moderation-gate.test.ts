import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { watchSockets } from './support/web-sockets.js'

/**
 * A seated phone opens the moderation docs (its own held cards, the event's modes) only while
 * moderation matters to it: a mode at its station, or a card of its own held off the board.
 */
let cafe: Cafe
beforeAll(async () => {
  cafe = await openCafe({ title: 'Moderation nur bei Bedarf', tableNames: ['Sprache', 'Arbeit'] })
}, 60_000)
afterAll(async () => {
  await closeCafe(cafe)
})

describe('the moderation docs on a seated phone', () => {
  it('open when the console switches approval on and when a card of the phone is hidden, and close again', async () => {
    const { server, browser, created } = cafe
    const consolePage = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage()
    await consolePage.goto(`${server.url}${created.links.facilitator}`)
    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    try {
      const before = watchSockets(phone)
      await phone.goto(`${server.url}${created.links.participant}`)
      await phone.getByRole('button', { name: 'Sprache', exact: true }).click()
      await phone.getByRole('heading', { name: 'Sprache' }).waitFor()
      // The heading shows before the board's socket opens: wait for it, so that the sockets
      // watched below are the reloaded page's only.
      await expect.poll(() => before.open().includes('board'), { timeout: 10_000 }).toBe(true)
      const sockets = watchSockets(phone)
      await phone.reload()
      await phone.getByLabel('Deine Karte').waitFor()
      await consolePage.locator('[data-presence-table="sprache"]').getByText('1 Person am Tisch').waitFor({ timeout: 10_000 })
      await expect.poll(() => sockets.open(), { timeout: 10_000 }).toEqual(['board'])
      expect(sockets.opened()).toEqual(['board'])

      // Approval at the running station: the phone's next card waits, as always.
      const approval = consolePage.locator('[data-moderation-station]').first().getByLabel('Freigabe nötig')
      await approval.check()
      await expect.poll(() => sockets.open(), { timeout: 10_000 }).toEqual(['board', 'modstate', 'own'])
      const waiting = 'Mehr Sprachkurse am Abend'
      await phone.getByLabel('Deine Karte').fill(waiting)
      await phone.getByRole('button', { name: 'Karte senden' }).click()
      const pending = phone.locator('[data-own-card][data-status="pending"]')
      await pending.getByText(waiting).waitFor({ timeout: 5000 })
      await pending.getByText('Wartet auf Freigabe').waitFor()

      // Approval off and the card approved: nothing matters to the phone any more, the docs close.
      await approval.uncheck()
      await consolePage.getByRole('button', { name: `Karte „${waiting}“ freigeben` }).click()
      await phone.locator('.card-list').getByText(waiting).waitFor({ timeout: 5000 })
      await expect.poll(() => sockets.open(), { timeout: 10_000 }).toEqual(['board'])

      // The facilitator hides the card: its author is told, on the own doc that opens for it.
      await consolePage.getByRole('button', { name: `Karte „${waiting}“ ausblenden` }).click()
      await phone.locator('.card-list').getByText(waiting).waitFor({ state: 'detached', timeout: 5000 })
      const note = phone.locator('[data-own-card][data-status="hidden"]')
      await note.getByText('Von der Moderation ausgeblendet').waitFor({ timeout: 5000 })
      expect(await note.locator('.card-text').textContent()).toBe(waiting)
      expect(sockets.open()).toEqual(['board', 'own'])
    } finally {
      await context.close()
      await consolePage.context().close()
    }
  })
})
