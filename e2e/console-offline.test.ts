import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { launchBrowser } from './support/browser.js'
import { createEvent } from './support/command-cafe.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

/**
 * A facilitator whose console lost the server sees so, instead of buttons that seem to work; the
 * note goes once the console is connected again (the server restarted on the same address).
 */
let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
  created = await createEvent(server.url, { title: 'Konsole ohne Netz', tableNames: ['Sprache'] }, false)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

/** The server again, on the same address and data (the open console reconnects by itself). */
const restart = () => startServerProcess({ dataDir: server.dataDir, env: { TISCHRUNDE_NO_DEMO: '1', PORT: new URL(server.url).port } })

describe('the console without a connection', () => {
  it('says so while the server is away and runs the station again once it is back', async () => {
    // A retry finds the server as the failed attempt left it: stopped, perhaps.
    if (server.child.exitCode !== null) server = await restart()
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage()
    await page.goto(`${server.url}${created.links.facilitator}`)
    await page.getByRole('heading', { name: 'Konsole ohne Netz' }).waitFor()
    // Online: presence counts arrive over the control plane, and no note shows.
    await page.locator('[data-presence-table="sprache"]').getByText('0 Personen am Tisch').waitFor({ timeout: 10_000 })
    const note = page.getByRole('status').filter({ hasText: 'Keine Verbindung zum Server' })
    if (await note.count()) throw new Error('the offline note shows while the console is connected')

    await server.stop()
    await note.waitFor({ timeout: 10_000 })

    server = await restart()
    await note.waitFor({ state: 'detached', timeout: 15_000 })
    await page.getByRole('button', { name: 'Start: Station 1' }).click()
    await page.locator('.round-phase', { hasText: 'Läuft: Station 1' }).waitFor({ timeout: 10_000 })
    await page.context().close()
  })

  it('loads a part of the console that the Wi-Fi dropped once the network is back, instead of breaking the screen', async () => {
    // Without the service worker, whose fetches the test could not make fail.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', serviceWorkers: 'block' })
    const page = await context.newPage()
    // The documentation framing comes as a part of its own: its first fetch fails, and the network
    // stays away for 2 s (the part is fetched again meanwhile and fails again).
    let fetches = 0
    await page.route(/\/assets\/FramingForm-[^/?]+\.js(\?.*)?$/, async (route) => {
      if (++fetches > 1) return route.continue()
      await context.setOffline(true)
      setTimeout(() => void context.setOffline(false), 2000)
      return route.abort('internetdisconnected')
    })
    await page.goto(`${server.url}${created.links.facilitator}`)
    await page.getByRole('heading', { name: 'Konsole ohne Netz' }).waitFor()
    await page.getByRole('heading', { name: 'Rahmen der Dokumentation' }).waitFor({ timeout: 15_000 })
    expect(fetches).toBeGreaterThan(1)
    expect(await page.getByText('Etwas ist schiefgelaufen').count()).toBe(0)
    // Its stylesheet, which failed with it, applies too (a rule of the framing's own styles is in the page).
    // A stylesheet that failed to load stays in the page with rules nobody may read (SecurityError): it counts as not there.
    const framingStyled = () =>
      [...document.styleSheets].some((sheet) => {
        try {
          return [...sheet.cssRules].some((rule) => rule instanceof CSSStyleRule && rule.selectorText === '.framing-organisers')
        } catch {
          return false
        }
      })
    await page.waitForFunction(framingStyled, undefined, { timeout: 10_000 })
    // The control plane (its part failed as well while the network was away) is back too.
    await page.locator('[data-presence-table="sprache"]').getByText('0 Personen am Tisch').waitFor({ timeout: 10_000 })
    await context.close()
  })

  it('connects when the control plane’s code failed to arrive once (the server restarting as the console opened)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', serviceWorkers: 'block' })
    const page = await context.newPage()
    // Socket.IO comes as a part shared with the transport's module; its first fetch fails while
    // the server answers (Chromium then keeps the failure under that address for the page).
    let fetches = 0
    await page.route(/\/assets\/socketio-[^/?]+\.js(\?.*)?$/, (route) => (++fetches > 1 ? route.continue() : route.abort('connectionreset')))
    const fresh = await createEvent(server.url, { title: 'Konsole beim Neustart', tableNames: ['Sprache'] }, false)
    await page.goto(`${server.url}${fresh.links.facilitator}`)
    await page.getByRole('heading', { name: 'Konsole beim Neustart' }).waitFor()
    await page.getByRole('button', { name: 'Start: Station 1' }).waitFor()
    await page.getByRole('button', { name: 'Start: Station 1' }).click()
    await page.locator('.round-phase', { hasText: 'Läuft: Station 1' }).waitFor({ timeout: 15_000 })
    expect(fetches).toBeGreaterThan(1)
    expect(await page.getByText('Keine Verbindung zum Server').count()).toBe(0)
    await context.close()
  })

  it('offers a reload when the control plane’s code is gone from the server (updated while the console was open)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', serviceWorkers: 'block' })
    const page = await context.newPage()
    let gone = true
    await page.route(/\/assets\/socketio-[^/?]+\.js(\?.*)?$/, (route) => (gone ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()))
    const fresh = await createEvent(server.url, { title: 'Konsole nach dem Update', tableNames: ['Sprache'] }, false)
    await page.goto(`${server.url}${fresh.links.facilitator}`)
    const note = page.getByRole('alert').filter({ hasText: 'nicht mehr auf dem Stand des Servers' })
    await note.waitFor({ timeout: 15_000 })
    expect(await page.getByText('Keine Verbindung zum Server').count()).toBe(0)
    // The reload mends it (the new build's code is there).
    gone = false
    await note.getByRole('button', { name: 'Seite neu laden' }).click()
    await page.getByRole('heading', { name: 'Konsole nach dem Update' }).waitFor()
    await note.waitFor({ state: 'detached', timeout: 10_000 })
    await page.getByRole('button', { name: 'Start: Station 1' }).waitFor()
    await context.close()
  })
})
