import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE, PROJECTOR, launchBrowser } from './support/browser.js'
import { createEvent } from './support/command-cafe.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

const DELETED = /event:deleted|EVENT_DELETED/

/**
 * The page misses the server's "gelöscht" as a screen that was away would (laptop asleep, phone in
 * a dead spot): the push is dropped on the way, and a doc socket's closing reason reads like a
 * network failure. What the page learns, it learns when it connects again.
 */
async function missesTheDeletion(page: Page): Promise<void> {
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer()
    server.onMessage((message) => {
      if (typeof message === 'string' && DELETED.test(message)) return
      ws.send(message)
    })
  })
  await page.routeWebSocket(/\/yjs\//, (ws) => {
    const server = ws.connectToServer()
    server.onMessage((message) => {
      if (DELETED.test(typeof message === 'string' ? message : message.toString('latin1'))) return
      ws.send(message)
    })
    server.onClose((code, reason) => void ws.close(reason && DELETED.test(reason) ? { code: 4000, reason: 'gone away' } : { code, reason }))
  })
}

describe('a screen that comes back after its event was deleted', () => {
  it('says "gelöscht" on the console, the projector and a seated phone, not that the link is wrong', async () => {
    const doomed = await createEvent(server.url, { title: 'Wird gelöscht, während keiner hinsieht', tableNames: ['Sprache'] })
    const consolePage = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'de-DE' })).newPage()
    const projector = await (await browser.newContext(PROJECTOR)).newPage()
    const phone = await (await browser.newContext(PHONE)).newPage()
    for (const page of [consolePage, projector, phone]) await missesTheDeletion(page)

    await consolePage.goto(`${server.url}${doomed.links.facilitator}`)
    await projector.goto(`${server.url}${doomed.links.projector}`)
    await phone.goto(`${server.url}${doomed.links.hosts[doomed.event.tables[0]!.id]!}`)
    for (const page of [consolePage, projector]) await page.getByRole('timer').first().waitFor()
    // The console asks for the programme once online: a command in flight at the deletion is refused otherwise.
    await consolePage.locator('.programme-console').getByText('Noch kein Programm. Ein Programm mit Arbeitsphasen und Workshops zur Wahl ersetzt', { exact: false }).waitFor()
    await phone.getByRole('textbox').first().waitFor()

    const res = await fetch(`${server.url}/api/events/${doomed.event.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${doomed.facilitatorToken}` } })
    expect(res.status).toBe(204)
    for (const page of [consolePage, projector, phone]) {
      await page.getByRole('alert').filter({ hasText: 'Diese Veranstaltung wurde gelöscht.' }).waitFor({ timeout: 15_000 })
      expect(await page.getByRole('timer').count()).toBe(0)
    }
  })
})
