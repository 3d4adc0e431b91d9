import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { facilitatorSocket } from './support/facilitator.js'
import type { ServerProcess } from './support/server-process.js'

let cafe: Cafe
let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

beforeAll(async () => {
  cafe = await openCafe({ title: 'Funkloch beim Wechsel', tableNames: ['Ehrenamt', 'Schule'] })
  ;({ server, browser, created } = cafe)
})
afterAll(async () => {
  await closeCafe(cafe)
})

describe('a phone offline while the station closes and the day moves on', () => {
  it('shows every card the closed station did not take, on the changeover and at the next table, and keeps the text being typed', async () => {
    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: 'Ehrenamt' }).click()
    await phone.getByLabel('Deine Karte').waitFor()
    await phone.evaluate(() => navigator.serviceWorker.ready)

    // Offline: the banner says so at once; two cards wait, a third is half typed.
    await context.setOffline(true)
    await phone.getByText('Offline – deine Karten werden gespeichert', { exact: false }).waitFor({ timeout: 5000 })
    for (const text of ['Offline A: Patenschaften', 'Offline B: Fahrdienste']) {
      await phone.getByLabel('Deine Karte').fill(text)
      await phone.getByRole('button', { name: 'Karte senden' }).click()
      await phone.getByText(text).waitFor()
    }
    await phone.getByLabel('Deine Karte').fill('Ein langer Gedanke, den ich gerade')

    // Meanwhile the facilitator closes Station 1 and moves on to the changeover.
    const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
    expect(((await facilitator.socket.emitWithAck('station:lock', { stationId: 'station-1', locked: true })) as { ok: boolean }).ok).toBe(true)
    expect((await facilitator.advance()).ok).toBe(true)
    facilitator.close()

    // Back online: the changeover screen says which cards were not taken, both of them, to copy.
    await context.setOffline(false)
    const refused = phone.getByRole('alert').filter({ hasText: 'Tisch „Ehrenamt“' })
    await refused.waitFor({ timeout: 15_000 })
    await expect.poll(() => refused.locator('.refused-text').allInnerTexts(), { timeout: 5000 }).toEqual(['Offline A: Patenschaften', 'Offline B: Fahrdienste'])
    expect(await refused.innerText()).toContain('die Station ist inzwischen geschlossen')

    // At the next table they still stand; the half-typed text waits in the new form, said so.
    await phone.getByRole('button', { name: /Schule/ }).first().click()
    // First what the groups before wrote there, then the form.
    await phone.getByRole('button', { name: 'Weiter: Station 2' }).waitFor({ timeout: 10_000 })
    expect(await refused.locator('.refused-text').count()).toBe(2)
    await phone.getByRole('button', { name: 'Weiter: Station 2' }).click()
    await phone.getByLabel('Deine Karte').waitFor({ timeout: 10_000 })
    expect(await refused.locator('.refused-text').allInnerTexts()).toEqual(['Offline A: Patenschaften', 'Offline B: Fahrdienste'])
    expect(await phone.getByLabel('Deine Karte').inputValue()).toBe('Ein langer Gedanke, den ich gerade')
    await phone.getByText('Dein angefangener Text von vorhin steht noch im Feld.', { exact: false }).waitFor()
    // Copied: the person hides them.
    await refused.getByRole('button', { name: 'Abgeschrieben, ausblenden' }).click()
    await refused.waitFor({ state: 'detached' })
    await context.close()
  })

  it('keeps the text of a card being edited when the station locks, to copy, said so', async () => {
    // Station 2 runs (the test before left the day at its changeover).
    const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
    while (facilitator.round().phase !== 'station') expect((await facilitator.advance()).ok).toBe(true)
    const stationId = `station-${facilitator.round().stationIndex + 1}`
    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: /Schule/ }).first().click()
    const onward = phone.getByRole('button', { name: /^Weiter: Station/ })
    await Promise.race([onward.waitFor({ timeout: 10_000 }).then(() => onward.click()), phone.getByLabel('Deine Karte').waitFor({ timeout: 10_000 })])
    await phone.getByLabel('Deine Karte').fill('Schnellere Anerkennung')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.getByText('gespeichert', { exact: true }).waitFor({ timeout: 10_000 })
    await phone.getByRole('button', { name: 'Karte „Schnellere Anerkennung“ bearbeiten' }).click()
    await phone.getByLabel('Kartentext').fill('Schnellere Anerkennung ausländischer Abschlüsse')
    // The station locks while the phone edits: a walk's phone lost what it typed without a word.
    expect(((await facilitator.socket.emitWithAck('station:lock', { stationId, locked: true })) as { ok: boolean }).ok).toBe(true)
    facilitator.close()
    const kept = phone.getByRole('alert').filter({ hasText: 'Deine Änderung an dieser Karte wird nicht mehr übernommen' })
    await kept.waitFor({ timeout: 10_000 })
    expect(await kept.getByLabel('Dein geänderter Text').inputValue()).toBe('Schnellere Anerkennung ausländischer Abschlüsse')
    await context.close()
  })
})
