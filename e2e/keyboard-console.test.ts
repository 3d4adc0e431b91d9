import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { launchBrowser } from './support/browser.js'
import { tabTo } from './support/keyboard.js'
import { type ServerProcess, createEventWithKey, removeDir, startServerProcess } from './support/server-process.js'

/** The focused element's outline, as drawn (the visible focus). */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!)
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle }
  })

describe('the console run by keyboard alone', () => {
  let server: ServerProcess
  let browser: Browser
  let created: CreateEventResponse

  beforeAll(async () => {
    server = await startServerProcess()
    browser = await launchBrowser()
    created = await createEventWithKey(server, { title: 'Tastatur-Café', date: '2026-11-23', tableNames: ['Sprache', 'Arbeit'] })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (server) removeDir(server.dataDir)
  })

  it('skips to the content, starts a station, pauses, resumes and moves on — with a visible focus at every step', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' })
    const page = await context.newPage()
    await page.goto(`${server.url}${created.links.facilitator}`)
    await page.getByRole('heading', { level: 1, name: 'Tastatur-Café' }).waitFor()

    // The first Tab reaches the skip link, which shows itself; Enter moves the focus past the control bar.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link')
    expect((await page.locator('.skip-link').boundingBox())!.y).toBeGreaterThanOrEqual(0)
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('console-content')

    // From the top again (a fresh load): Tab to the control bar's first button and start the first station with Enter.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Tastatur-Café' }).waitFor()
    // The heading comes with the page's HTTP answer, the control bar only with the round over the
    // control socket: Tab through the page once it is there, or the focus passes its place first.
    await page.getByRole('button', { name: 'Start: Station 1', exact: true }).waitFor()
    const label = await tabTo(page, (el) => el.tag === 'button' && /Station 1/.test(el.text))
    expect(label).toBe('Start: Station 1')
    expect((await focusRing(page)).width).toBeGreaterThanOrEqual(2)
    await page.keyboard.press('Enter')
    await page.locator('.round-phase', { hasText: 'Läuft: Station 1' }).waitFor()

    // Shortcuts: P pauses and resumes; N twice moves to the next station.
    await page.keyboard.press('p')
    await page.getByRole('button', { name: 'Fortsetzen' }).waitFor()
    await page.locator('.round-phase', { hasText: 'Pausiert: Station 1' }).waitFor()
    await page.keyboard.press('p')
    await page.getByRole('button', { name: 'Pause' }).waitFor()
    // Right after a step on, the next one waits a moment (a second Enter must not skip a station).
    await page.locator('button[aria-keyshortcuts="N"]:not([aria-disabled="true"])').waitFor()
    await page.keyboard.press('n')
    await page.keyboard.press('n')
    await page.locator('.round-phase', { hasText: 'Station 2' }).waitFor()
    // The live region told a screen reader the station changed.
    await page.locator('.console [role="status"][aria-live="polite"]', { hasText: 'Station 2 beginnt' }).first().waitFor()
    await context.close()
  })
})
