import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE, PROJECTOR, launchBrowser } from './support/browser.js'
import { facilitatorSocket } from './support/facilitator.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
  const res = await fetch(`${server.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Funkloch', date: '2026-11-23', tableNames: ['Ehrenamt'] }),
  })
  created = (await res.json()) as CreateEventResponse
  const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
  await facilitator.advance()
  facilitator.close()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
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
})
