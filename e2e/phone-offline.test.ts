import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { type ServerProcess, startServerProcess } from './support/server-process.js'
import { socketTimeline, told } from './support/web-sockets.js'

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
    const send = async (text: string) => {
      await phone.getByLabel('Deine Karte').fill(text)
      await phone.getByRole('button', { name: 'Karte senden' }).click()
      await phone.locator('.card', { hasText: text }).getByText('gespeichert').waitFor({ timeout: 5000 })
    }
    await send('Vor dem Neuladen')
    // Each reload loads the device's copy first; a card sent after it is saved (the last reload too:
    // a page checked right after its reload has not yet been refused, whether it would be or not).
    for (let round = 1; round <= 3; round++) {
      await phone.reload()
      await send(`Nach dem Neuladen ${round}`)
    }
    expect(await phone.getByText('Offline', { exact: false }).count()).toBe(0)
    await context.close()
  })

  it('replaces a phone’s copy of a board that was set up anew, keeping the text it had not sent', async () => {
    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    // Reconnects, refusals and the reload take their time on a busy machine: a failure shows where it went.
    const timeline = socketTimeline(phone)
    const story = () => `The phone's sockets and pages:\n${timeline()}\nThe server's warnings:\n${server.output().split('\n').filter((l) => /"level":[4-6]0/.test(l)).join('\n')}`
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: 'Ehrenamt' }).click()
    await phone.getByLabel('Deine Karte').fill('Aus der Probe')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.locator('.card', { hasText: 'Aus der Probe' }).getByText('gespeichert').waitFor({ timeout: 5000 })

    // The organisers wipe the table's board (e.g. after a rehearsal) while the phone stays open.
    await server.stop('SIGKILL')
    rmSync(path.join(server.dataDir, 'boards'), { recursive: true, force: true })
    await phone.getByLabel('Deine Karte').fill('Während der Pause geschrieben')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    // Same address, so the open page reconnects by itself.
    server = await startServerProcess({ dataDir: server.dataDir, env: { TISCHRUNDE_NO_DEMO: '1', PORT: new URL(server.url).port } })

    // The server refuses the old copy; the phone drops it, starts afresh and shows the unsent text.
    await told(phone.getByText('Dieses Board wurde inzwischen neu angelegt', { exact: false }).waitFor({ timeout: 20_000 }), story)
    await phone.locator('.refused-text', { hasText: 'Während der Pause geschrieben' }).waitFor()
    expect(await phone.locator('.card', { hasText: 'Aus der Probe' }).count()).toBe(0)
    await phone.getByLabel('Deine Karte').fill('Neu nach dem Zurücksetzen')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await told(phone.locator('.card', { hasText: 'Neu nach dem Zurücksetzen' }).getByText('gespeichert').waitFor({ timeout: 10_000 }), story)
    // The unsent text stays to copy after the next card (it went with it until then), until hidden.
    expect(await phone.locator('.refused-text', { hasText: 'Während der Pause geschrieben' }).count()).toBe(1)
    await phone.getByRole('button', { name: 'Abgeschrieben, ausblenden' }).click()
    await phone.getByText('Dieses Board wurde inzwischen neu angelegt', { exact: false }).waitFor({ state: 'detached' })
    await phone.reload()
    await phone.locator('.card', { hasText: 'Neu nach dem Zurücksetzen' }).waitFor()
    expect(await phone.getByText('Dieses Board wurde inzwischen neu angelegt', { exact: false }).count()).toBe(0)
    await context.close()
  })

  it('replaces the copy of a board set up anew also when a connection hangs between the refusals, and saves the next card at once', async () => {
    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    const timeline = socketTimeline(phone)
    onTestFailed(() => console.log(`The phone's sockets and pages:\n${timeline()}`))
    // The phone's board connections; after the restart, the one after the first refusal hangs in
    // the venue's Wi-Fi for 5.5 s and fails without reaching the server.
    let sinceRestart: number | null = null
    await phone.routeWebSocket(/\/yjs\//, async (ws) => {
      if (sinceRestart !== null && ++sinceRestart === 2) {
        await new Promise((resolve) => setTimeout(resolve, 5500))
        return ws.close()
      }
      ws.connectToServer()
    })
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: 'Ehrenamt' }).click()
    await phone.getByLabel('Deine Karte').fill('Vor dem Funkloch')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.locator('.card', { hasText: 'Vor dem Funkloch' }).getByText('gespeichert').waitFor({ timeout: 5000 })

    await server.stop('SIGKILL')
    rmSync(path.join(server.dataDir, 'boards'), { recursive: true, force: true })
    server = await startServerProcess({ dataDir: server.dataDir, env: { TISCHRUNDE_NO_DEMO: '1', PORT: new URL(server.url).port } })
    sinceRestart = 0

    // The refusal after the hung connection still counts with the one before it: the copy is replaced …
    await phone.getByText('Dieses Board wurde inzwischen neu angelegt', { exact: false }).waitFor({ timeout: 30_000 })
    expect(sinceRestart).toBeGreaterThanOrEqual(3)
    // … after two refusals, so the server lets the phone in at once (after a third it would keep it out for 10 s).
    await phone.getByLabel('Deine Karte').fill('Nach dem Funkloch')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.locator('.card', { hasText: 'Nach dem Funkloch' }).getByText('gespeichert').waitFor({ timeout: 8000 })
    expect(timeline()).not.toContain('429')
    await context.close()
  })
})
