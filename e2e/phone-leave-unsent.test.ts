import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { type ServerProcess, startServerProcess } from './support/server-process.js'

let cafe: Cafe
let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

beforeAll(async () => {
  cafe = await openCafe({ title: 'Wechsel im Funkloch', tableNames: ['Ehrenamt', 'Schule'] })
  ;({ server, browser, created } = cafe)
})
afterAll(async () => {
  cafe.server = server // restarted in the test
  await closeCafe(cafe)
})

/** The event's documentation as Markdown, as the organisers download it. */
const documentation = async () => (await fetch(`${server.url}/api/events/${created.event.id}/export?format=md`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })).text()

describe('a phone that changes tables while its cards wait for the Wi-Fi', () => {
  it('still delivers them to the table it left once it is back online', async () => {
    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: 'Ehrenamt' }).click()
    await phone.getByLabel('Deine Karte').waitFor()
    await phone.evaluate(() => navigator.serviceWorker.ready)

    // The venue's server is gone for a moment (its Wi-Fi, a restart): the card waits on the phone.
    await server.stop('SIGKILL')
    await phone.getByLabel('Deine Karte').fill('Offline geschrieben: Lesepaten an der Grundschule')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.locator('.card', { hasText: 'Offline geschrieben: Lesepaten an der Grundschule' }).getByText('wird gesendet').waitFor()
    // On to the next table before the card got out.
    await phone.getByRole('button', { name: 'Tisch wechseln' }).click()
    await phone.getByRole('button', { name: 'Schule' }).click()
    await phone.getByLabel('Deine Karte').waitFor()

    server = await startServerProcess({ dataDir: server.dataDir, env: { TISCHRUNDE_NO_DEMO: '1', PORT: new URL(server.url).port } })
    await expect.poll(documentation, { timeout: 20_000 }).toContain('Offline geschrieben: Lesepaten an der Grundschule')
    // And the phone writes on at the new table.
    await phone.getByLabel('Deine Karte').fill('An der Schule geschrieben')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.locator('.card', { hasText: 'An der Schule geschrieben' }).getByText('gespeichert').waitFor({ timeout: 10_000 })
    await context.close()
  })
})
