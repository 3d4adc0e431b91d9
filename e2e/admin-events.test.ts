import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './support/browser.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  // With the Winnenden demo: an event with a long title and place.
  server = await startServerProcess()
  browser = await launchBrowser()
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

describe('the admin page’s list of events', () => {
  it('keeps an event’s facts readable when its facilitator link is shown, the link box below them at full width', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' })).newPage()
    await page.goto(`${server.url}/admin#k=${server.adminKey}`)
    const row = page.locator('.admin-event').first()
    await row.getByRole('button', { name: 'Moderationslink anzeigen' }).click()
    await row.getByRole('heading', { name: 'Ihr Moderationslink' }).waitFor()
    const box = (selector: string) => row.locator(selector).first().evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect)
    const [rowBox, facts, link, open] = await Promise.all([box(':scope'), box('.admin-event-facts'), box('.admin-event-link'), box('a.button')])
    // The title stands on one or two lines (it was squeezed to one word a line), and no button covers the facts.
    expect(facts.width).toBeGreaterThan(280)
    expect(await row.locator('.admin-event-facts strong').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(60)
    expect(open.left >= facts.right || open.top >= facts.bottom).toBe(true)
    // The link box under everything else, as wide as the row.
    expect(link.top).toBeGreaterThanOrEqual(Math.max(facts.bottom, open.bottom))
    expect(link.width).toBeGreaterThan(rowBox.width * 0.9)
  })

  it('reads in English when the organiser switches the language, as the start page it leads to does', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' })).newPage()
    await page.goto(`${server.url}/admin#k=${server.adminKey}`)
    await page.getByRole('heading', { name: 'Veranstaltungen dieser Installation' }).waitFor()
    await page.getByLabel('Sprache / Language').selectOption('en')
    await page.getByRole('heading', { name: 'Events on this installation' }).waitFor({ timeout: 5000 })
    const row = page.locator('.admin-event').first()
    expect(await row.innerText()).toContain('11 theme tables')
    await row.getByRole('button', { name: 'Show facilitator link' }).waitFor()
    await row.getByRole('link', { name: 'Open console' }).waitFor()
  })

  it('forgets an old admin link opened after the right one: the start page asks for the right link instead of failing with the wrong one', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' })).newPage()
    await page.goto(`${server.url}/admin#k=${server.adminKey}`)
    await page.locator('.admin-event').first().waitFor()
    // Another link opened on the same device (a page load of its own, not a change of the fragment).
    await page.goto('about:blank')
    await page.goto(`${server.url}/admin#k=altealtealteVerwaltung`)
    await page.getByRole('alert').filter({ hasText: 'Verwaltungslink' }).waitFor()
    await page.goto(`${server.url}/`)
    // Not "this device has the link already" (and a refusal on creating): the field for the right link.
    await page.getByRole('button', { name: 'Veranstaltung anlegen …' }).click()
    await page.getByLabel('Verwaltungslink', { exact: true }).waitFor()
    expect(await page.getByText('Dieses Gerät hat den Verwaltungslink schon geöffnet').count()).toBe(0)
    await page.goto(`${server.url}/admin#k=${server.adminKey}`)
    await page.locator('.admin-event').first().waitFor()
  })
})
