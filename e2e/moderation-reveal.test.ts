import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { axeViolations } from './support/moderation-axe.js'

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Sammeln und Aufdecken', tableNames: ['Arbeit'] })
})
afterAll(async () => {
  await closeCafe(cafe)
})

async function phoneAtArbeit() {
  const context = await cafe.browser.newContext(PHONE)
  const page = await context.newPage()
  await page.goto(`${cafe.server.url}${cafe.created.links.participant}`)
  await page.getByRole('button', { name: 'Arbeit' }).click()
  await page.getByRole('heading', { name: 'Arbeit' }).waitFor()
  return { context, page }
}

describe('collect first, reveal later, in real browsers', () => {
  it('shows each phone only its own card and the count until the reveal, then both cards on both phones within a second', async () => {
    const { server, browser, created } = cafe
    const consoleContext = await browser.newContext(PROJECTOR)
    const consolePage = await consoleContext.newPage()
    await consolePage.goto(`${server.url}${created.links.facilitator}`)
    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${created.links.projector.replace('#', '?table=arbeit#')}`)
    const first = await phoneAtArbeit()
    const second = await phoneAtArbeit()
    const texts = ['Jobcenter und Ausländerbehörde an einen Tisch', 'Praktika in kleinen Betrieben vermitteln']
    try {
      const station = consolePage.locator('[data-moderation-station="station-1"]')
      // Each station's boxes are heard with their station, not as three alike.
      expect(await consolePage.getByRole('checkbox', { name: 'Erst sammeln, dann aufdecken Station 1', exact: true }).count()).toBe(1)
      await station.getByLabel('Erst sammeln, dann aufdecken').check()
      await first.page.getByText('Die Karten werden gesammelt', { exact: false }).first().waitFor({ timeout: 5000 })
      await projector.getByText('Die Karten werden gesammelt und gemeinsam aufgedeckt', { exact: true }).waitFor({ timeout: 5000 })
      expect(await projector.getByText('0 Karten gesammelt', { exact: false }).count()).toBe(0)

      for (const [i, phone] of [first, second].entries()) {
        await phone.page.getByLabel('Deine Karte').fill(texts[i]!)
        await phone.page.getByRole('button', { name: 'Karte senden' }).click()
        await phone.page.locator('[data-own-card]').getByText(texts[i]!).waitFor({ timeout: 5000 })
      }
      await station.getByText('2 Karten gesammelt', { exact: false }).waitFor({ timeout: 5000 })
      await first.page.getByText('Die anderen haben 1 Karte geschrieben', { exact: false }).waitFor({ timeout: 5000 })
      await second.page.getByText('Die anderen haben 1 Karte geschrieben', { exact: false }).waitFor({ timeout: 5000 })
      await projector.getByText('2 Karten gesammelt', { exact: false }).waitFor({ timeout: 5000 })
      // The columns say they wait for the reveal, not "Noch keine Karten" under a count of two.
      for (const page of [projector, second.page]) {
        await page.getByText('Die Karten werden gesammelt und beim Aufdecken gemeinsam gezeigt.').first().waitFor({ timeout: 5000 })
        expect(await page.getByText('Noch keine Karten', { exact: false }).count()).toBe(0)
      }
      // So do the tiles of "Alle Tische" (a walk read "0 Karten – Noch keine Karten" under "2 Karten gesammelt").
      const wall = await projectorContext.newPage()
      await wall.goto(`${server.url}${created.links.projector.replace('#', '?mode=wall#')}`)
      await wall.locator('.wall-tile').first().getByText('Die Karten werden gesammelt und beim Aufdecken gemeinsam gezeigt.').waitFor({ timeout: 10_000 })
      expect(await wall.getByText('Noch keine Karten', { exact: false }).count()).toBe(0)
      await wall.close()
      // The facilitator reads the collection and hides a card in it before anyone else has seen it.
      const insult = 'Der Kollege vom Amt ist unfähig'
      await first.page.getByLabel('Deine Karte').fill(insult)
      await first.page.getByRole('button', { name: 'Karte senden' }).click()
      await station.getByText('3 Karten gesammelt', { exact: false }).waitFor({ timeout: 5000 })
      const collection = consolePage.getByRole('list', { name: 'Gesammelt, noch verdeckt' })
      await collection.getByText(insult).waitFor({ timeout: 5000 })
      await collection.getByRole('button', { name: `Karte „${insult}“ ausblenden` }).click()
      await station.getByText('2 Karten gesammelt', { exact: false }).waitFor({ timeout: 5000 })
      await first.page.getByText('Von der Moderation ausgeblendet', { exact: false }).waitFor({ timeout: 5000 })
      // Its author is told that nobody saw it (not that it was "taken off the board", where it never was).
      await first.page.getByText('Die Moderation hat diese Karte vor dem Aufdecken herausgenommen', { exact: false }).waitFor({ timeout: 5000 })
      expect(await first.page.getByText('von der Pinnwand genommen', { exact: false }).count()).toBe(0)
      // Until the reveal, neither phone nor the projector has the other's text.
      expect(await first.page.content()).not.toContain(texts[1])
      expect(await second.page.content()).not.toContain(texts[0])
      for (const text of texts) expect(await projector.getByText(text).count()).toBe(0)
      for (const page of [first.page, projector, consolePage]) expect(await axeViolations(page)).toEqual([])

      const revealedAt = Date.now()
      await station.getByRole('button', { name: '„Station 1“ aufdecken' }).click()
      await Promise.all(
        [first.page.locator('.card-list'), second.page.locator('.card-list'), projector.locator('.projector-stage')].flatMap((board) => texts.map((text) => board.getByText(text).waitFor({ timeout: 5000 }))),
      )
      const latency = Date.now() - revealedAt
      console.log(`both cards on both phones and the projector ${latency} ms after the reveal`)
      expect(latency).toBeLessThan(1000)
      await projector.getByText('Aufgedeckt!').waitFor({ timeout: 5000 })
      expect(await axeViolations(projector)).toEqual([])
      // The console says what the reveal did, and the keyboard stays at the station's row (its button went away).
      await consolePage.locator('[aria-live="polite"]').filter({ hasText: '„Station 1“ ist aufgedeckt' }).waitFor({ timeout: 5000 })
      await expect.poll(() => consolePage.evaluate(() => document.activeElement?.closest('[data-moderation-station]')?.getAttribute('data-moderation-station') ?? null)).toBe('station-1')
      // Each card shows once: on the board, no longer in the phone's own list.
      await first.page.locator('[data-own-card]', { hasText: texts[0]! }).waitFor({ state: 'detached', timeout: 5000 })
      expect(await first.page.getByText(texts[0]!).count()).toBe(1)
      // The hidden one reached no other screen, not at the reveal either.
      await second.page.waitForTimeout(300)
      expect(await second.page.content()).not.toContain(insult)
      expect(await projector.getByText(insult).count()).toBe(0)

      // A console opened again never offers the station's collect box as "off" before the server's modes
      // arrive (here they arrive a second late, as on a slow venue network).
      await consolePage.routeWebSocket(/\/yjs\/modstate\./, (ws) => {
        const server = ws.connectToServer()
        server.onMessage((message) => void setTimeout(() => ws.send(message), 1000))
        ws.onMessage((message) => server.send(message))
      })
      await consolePage.reload()
      const box = station.getByLabel('Erst sammeln, dann aufdecken')
      await box.waitFor()
      // Checked and enabled are read in one look: two reads could straddle the moment the modes arrive.
      const boxState = () => box.evaluate((el) => ({ checked: (el as HTMLInputElement).checked, enabled: !(el as HTMLInputElement).disabled }))
      for (let i = 0; i < 100; i++) {
        const state = await boxState()
        if (state.checked) break
        expect(state.enabled).toBe(false)
        await consolePage.waitForTimeout(50)
      }
      expect(await box.isChecked()).toBe(true)
      expect(await box.isEnabled()).toBe(true)
    } finally {
      for (const c of [consoleContext, projectorContext, first.context, second.context]) await c.close()
    }
  })
})
