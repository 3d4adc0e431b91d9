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

/** Whether the phone's service worker keeps every app file the page has loaded (run in the page). */
async function keptFiles(): Promise<boolean> {
  const cache = await caches.open('tischrunde-shell-v1')
  const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname))
  const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
  return loaded.filter((p) => p.startsWith('/assets/')).every((p) => kept.has(p))
}

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
  it('delivers them after a reload at the new table too (a browser drops a sleeping tab): the left board opens again to send', async () => {
    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: 'Ehrenamt' }).click()
    await phone.getByLabel('Deine Karte').waitFor()
    await phone.evaluate(() => navigator.serviceWorker.ready)
    // The page's first files came before its service worker ran: the worker keeps them once told (a reload offline needs them).
    await expect.poll(() => phone.evaluate(keptFiles), { timeout: 10_000 }).toBe(true)

    await server.stop('SIGKILL')
    await phone.getByLabel('Deine Karte').fill('Vor dem Neuladen geschrieben: Sprachcafé im Rathaus')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.locator('.card', { hasText: 'Vor dem Neuladen geschrieben' }).getByText('wird gesendet').waitFor()
    await phone.getByRole('button', { name: 'Tisch wechseln' }).click()
    await phone.getByRole('button', { name: 'Schule' }).click()
    await phone.getByLabel('Deine Karte').waitFor()
    // The tab is reloaded while the server is still away: the app comes from the phone, at the new table.
    await phone.reload()
    await phone.getByLabel('Deine Karte').waitFor()

    server = await startServerProcess({ dataDir: server.dataDir, env: { TISCHRUNDE_NO_DEMO: '1', PORT: new URL(server.url).port } })
    await expect.poll(documentation, { timeout: 20_000 }).toContain('Vor dem Neuladen geschrieben: Sprachcafé im Rathaus')
    // Sent, the left board is not noted any more: a further reload opens no socket for it.
    await expect.poll(() => phone.evaluate((id) => window.localStorage.getItem(`tischrunde.left.${id}`), created.event.id), { timeout: 10_000 }).toBeNull()
    await context.close()
  })
})
