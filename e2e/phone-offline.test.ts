import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import type { ServerProcess } from './support/server-process.js'

let cafe: Cafe
let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

beforeAll(async () => {
  cafe = await openCafe({ title: 'Funkloch', tableNames: ['Ehrenamt'] })
  ;({ server, browser, created } = cafe)
})

afterAll(async () => {
  cafe.server = server // a test may have restarted the server
  await closeCafe(cafe)
})

describe('a phone on bad venue Wi-Fi', () => {
  it('keeps cards typed offline across a reload and delivers each exactly once when back online', async () => {
    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: 'Ehrenamt' }).click()
    await phone.getByLabel('Deine Karte').waitFor()
    // The service worker has the app shell before the network goes.
    await phone.evaluate(() => navigator.serviceWorker.ready)
    await phone.reload()
    await phone.getByLabel('Deine Karte').waitFor()

    await context.setOffline(true)
    for (const text of ['Patenschaften funktionieren', 'Ehrenamt braucht Hauptamt']) {
      await phone.getByLabel('Deine Karte').fill(text)
      await phone.getByRole('button', { name: 'Karte senden' }).click()
      await phone.getByText(text).waitFor()
    }
    expect(await phone.getByText('wird gesendet').count()).toBe(2)

    // Reloading without network: the service worker serves the page, IndexedDB the board.
    await phone.reload()
    await phone.getByText('Patenschaften funktionieren').waitFor({ timeout: 10_000 })
    await phone.getByText('Ehrenamt braucht Hauptamt').waitFor()
    expect(await phone.getByText('wird gesendet').count()).toBe(2)

    await context.setOffline(false)
    await phone.getByText('gespeichert').nth(1).waitFor({ timeout: 20_000 })

    const projector = await (await browser.newContext(PROJECTOR)).newPage()
    await projector.goto(`${server.url}${created.links.projector.replace('#', '?table=ehrenamt#')}`)
    await projector.getByText('Patenschaften funktionieren').waitFor({ timeout: 10_000 })
    expect(await projector.getByText('Patenschaften funktionieren').count()).toBe(1)
    expect(await projector.getByText('Ehrenamt braucht Hauptamt').count()).toBe(1)
  })

  it('stays connected after reloads on good Wi-Fi: a card sent after each reload is saved', async () => {
    // The device's copy of the board must not be sent to the server as one big update on load
    // (the server refuses such updates, and a refused phone used to stay offline).
    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: 'Ehrenamt' }).click()
    for (let round = 1; round <= 3; round++) {
      await phone.getByLabel('Deine Karte').fill(`Nach dem Neuladen ${round}`)
      await phone.getByRole('button', { name: 'Karte senden' }).click()
      await phone.locator('.card', { hasText: `Nach dem Neuladen ${round}` }).getByText('gespeichert').waitFor({ timeout: 5000 })
      await phone.reload()
      await phone.getByLabel('Deine Karte').waitFor()
    }
    expect(await phone.getByText('Offline', { exact: false }).count()).toBe(0)
    await context.close()
  })
})
