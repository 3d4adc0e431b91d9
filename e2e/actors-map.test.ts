import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { winnendenEvent } from '@tischrunde/fixtures'
import { axeViolations } from './support/axe.js'
import { PHONE, PROJECTOR, launchBrowser } from './support/browser.js'
import { type ServerProcess, importEventWithKey, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser
let links: { facilitator: string; projector: string; participant: string }

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
  links = await importEventWithKey(server, winnendenEvent())
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

/** A name as it reads on the projector, where long words carry soft hyphens at their syllables (`^` anchors it). */
const softly = (name: string, anchored = false) =>
  new RegExp(`${anchored ? '^' : ''}${[...name].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\u00ad?')}`)
const chip = (page: Page, name: string) => page.locator('.actor-chip', { hasText: softly(name) })

describe('the Winnenden actor map, console and projector', () => {
  it('a facilitator merges two actors and ticks "Kerngruppe geplant"; the projector shows it live, and reading the cards again keeps it', async () => {
    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${links.projector.replace('#', '?mode=actors#')}`)
    await projector.getByRole('heading', { name: 'Wer kann helfen?' }).waitFor()
    // Four area columns, each actor once, in its area.
    for (const [area, name] of [
      ['arbeit', 'Jobcenter'],
      ['arbeit', 'Agentur für Arbeit'],
      ['migration', 'BAMF'],
      ['migration', 'Migrantenorganisationen'],
      ['soziales', 'Ehrenamt'],
      ['soziales', 'Wohlfahrtsverbände'],
      ['bildung', 'Schulen'],
      ['bildung', 'Kitas'],
    ] as const)
      await expect.poll(() => projector.locator(`[data-area="${area}"] .actor-chip`, { hasText: new RegExp(`${softly(name, true).source}\\d`) }).count(), { timeout: 15_000 }).toBe(1)
    await expect.poll(() => projector.locator('.actor-column h2').allTextContents()).toEqual(
      expect.arrayContaining(['Migration und Integration', 'Arbeit und Wirtschaft', 'Soziales', 'Bildung']),
    )
    // Ehrenamt was named at five tables: its chip is the biggest size.
    await expect.poll(() => chip(projector, 'Ehrenamt').getAttribute('class')).toContain('actor-chip-xl')
    // Every chip on the screen (a projector cannot scroll): a map this full gets smaller type.
    await expect.poll(() => projector.locator('.actor-chip').evaluateAll((chips) => Math.max(...chips.map((c) => c.getBoundingClientRect().bottom))), { timeout: 10_000 }).toBeLessThanOrEqual(1080)

    const consoleContext = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' })
    const console_ = await consoleContext.newPage()
    await console_.goto(`${server.url}${links.facilitator}`)
    await console_.getByRole('heading', { name: 'Wer kann helfen? – Akteurslandkarte' }).waitFor({ timeout: 20_000 })
    // The console's own link opens the map on a projector tab (its view in the query, the key after "#").
    const [tab] = await Promise.all([console_.context().waitForEvent('page'), console_.getByRole('link', { name: 'Akteurslandkarte auf dem Beamer' }).click()])
    await tab.getByRole('heading', { name: 'Wer kann helfen?' }).waitFor({ timeout: 15_000 })
    await tab.close()
    // Its columns are named by what they hold, sorted or not (each cell is read with its column's name).
    const heads = await console_.getByRole('columnheader').evaluateAll((ths) => ths.map((th) => th.getAttribute('aria-sort') + ' ' + (th.textContent ?? '').trim()))
    expect(heads.some((h) => /^(ascending|descending|none) Akteur/.test(h))).toBe(true)
    expect(await console_.getByRole('columnheader', { name: 'Akteur', exact: true }).count()).toBe(1)
    await console_.getByRole('checkbox', { name: 'Vereine auswählen' }).check()
    await console_.getByRole('checkbox', { name: 'Sportmittler_innen auswählen' }).check()
    await console_.getByRole('button', { name: 'Ausgewählte zusammenführen' }).click()
    await console_.getByRole('status').filter({ hasText: 'Sportmittler_innen in Vereine zusammengeführt.' }).waitFor()
    await console_.getByRole('checkbox', { name: 'Kerngruppe geplant: Vereine' }).check()

    await expect.poll(() => chip(projector, 'Sportmittler').count(), { timeout: 10_000 }).toBe(0)
    await expect.poll(() => chip(projector, 'Vereine').locator('.actor-badge-core').textContent(), { timeout: 10_000 }).toBe('Kerngruppe')
    // The mark stands under the name in one line, not squeezed beside it ("Job-cen-ter", "Kerng-ruppe").
    const [nameBox, badge] = await Promise.all([chip(projector, 'Vereine').locator('.actor-chip-name').boundingBox(), chip(projector, 'Vereine').locator('.actor-badge-core').boundingBox()])
    expect(badge!.y).toBeGreaterThanOrEqual(nameBox!.y + nameBox!.height - 1)
    expect(await chip(projector, 'Vereine').locator('.actor-badge-core').evaluate((el) => el.getClientRects().length === 1 && el.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(el).fontSize))).toBe(true)

    // Reading the cards again keeps the merge and the tick.
    await console_.getByRole('button', { name: 'Karten neu einlesen' }).click()
    await console_.getByRole('status').filter({ hasText: 'Alle Karten neu eingelesen.' }).waitFor()
    expect(await chip(projector, 'Sportmittler').count()).toBe(0)
    expect(await chip(projector, 'Vereine').locator('.actor-badge-core').count()).toBe(1)
    expect(await console_.getByRole('checkbox', { name: 'Kerngruppe geplant: Vereine' }).isChecked()).toBe(true)

    // The actor table downloads under the name every file of the day has (it was "<event-id>-akteure.docx").
    const [download] = await Promise.all([console_.waitForEvent('download'), console_.getByRole('button', { name: 'Akteurstabelle als DOCX' }).click()])
    expect(download.suggestedFilename()).toMatch(/^Winnenden_2019-07-02_Akteure\.docx$/)

    expect(await axeViolations(console_, '.actor-console')).toEqual([])
    // On a 1366×768 laptop the names and areas read whole, every column fits, and the table scrolls
    // inside a frame whose foot (and its scroll bar) is on the screen, not below a long table.
    await console_.setViewportSize({ width: 1366, height: 768 })
    const name = console_.getByRole('textbox', { name: /Ausländerbehörde/ }).first()
    expect(await name.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth)).toBe(true)
    const area = console_.getByRole('combobox', { name: 'Bereich von Ausländerbehörde' })
    expect(await area.evaluate((el: HTMLSelectElement) => el.scrollWidth <= el.clientWidth + 1 && el.clientWidth >= 14 * 16)).toBe(true)
    const frame = console_.locator('.actor-table-wrap')
    // Every column on the screen, the alliance's yes/no columns and the notes too (they needed sideways scrolling).
    expect(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)
    await frame.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    const box = (await frame.boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(768)
    await console_.setViewportSize({ width: 1600, height: 1000 })
    // An actor's detail on the projector: the tables that named it, and the measures it helps with.
    await chip(projector, 'Migrantenorganisationen').click()
    const detail = projector.getByRole('complementary')
    await detail.getByRole('heading', { name: 'Migrantenorganisationen' }).waitFor()
    expect(await detail.textContent()).toContain('Frauen, Kinderbetreuung, Sprache')
    expect(await detail.textContent()).toContain('Bestehende Angebote kennenlernen & vernetzen')
    // A merged actor keeps the words the cards used, findable for those who wrote them.
    await chip(projector, 'Vereine').click()
    await detail.getByRole('heading', { name: 'Vereine' }).waitFor()
    expect(await detail.getByText(/^Genannt als: /).textContent()).toContain('Sportmittler')
    expect(await axeViolations(projector, 'main')).toEqual([])
    await projectorContext.close()
    await consoleContext.close()
  }, 120_000)

  it('the console puts the actor map on every projector and takes it off again', async () => {
    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${links.projector}`)
    await projector.locator('.projector-stage').waitFor({ timeout: 20_000 })
    const consoleContext = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' })
    const console_ = await consoleContext.newPage()
    await console_.goto(`${server.url}${links.facilitator}`)
    const remote = console_.getByRole('region', { name: 'Beamer steuern' })
    const view = (name: string) => remote.getByRole('group', { name: 'Ansicht' }).getByRole('button', { name, exact: true })
    await view('Akteurslandkarte').click()
    await expect.poll(() => view('Akteurslandkarte').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true')
    // The four areas as columns, the actors in them; long names carry soft hyphens to break at syllables.
    await expect
      .poll(() => projector.locator('.actor-column h2').allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['Migration und Integration', 'Arbeit und Wirtschaft', 'Soziales', 'Bildung']))
    await expect.poll(() => projector.locator('[data-area="arbeit"] .actor-chip', { hasText: softly('Jobcenter', true) }).count(), { timeout: 15_000 }).toBe(1)
    await expect.poll(() => chip(projector, 'Migrantenorganisationen').locator('.actor-chip-name').textContent(), { timeout: 15_000 }).toContain('\u00ad')
    expect(await projector.locator('.actor-chip-name').evaluateAll((names) => names.every((n) => n.scrollWidth <= n.clientWidth + 1))).toBe(true)

    // Back to the wall of all tables, and once more to the map.
    await view('Alle Tische').click()
    await projector.locator('main.projector-mode-wall').waitFor({ timeout: 15_000 })
    expect(await projector.locator('.actor-columns').count()).toBe(0)
    await view('Akteurslandkarte').click()
    await projector.locator('.actor-columns').waitFor({ timeout: 15_000 })
    await projectorContext.close()
    await consoleContext.close()
  }, 120_000)

  it('the map reads from the back of the hall, leads back to the boards, and a map too full says how many more', async () => {
    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    const mapUrl = `${server.url}${links.projector.replace('#', '?mode=actors#')}`
    await projector.goto(mapUrl)
    await expect.poll(() => projector.locator('.actor-chip').count(), { timeout: 20_000 }).toBeGreaterThan(40)
    const total = await projector.locator('.actor-chip').count()
    // At 1920×1080 every actor is on the screen, in type that reads from the back (the least-named at
    // 20 px or more, not the 13 px of a map in the page's own units), and none under the bar at the foot.
    const barTop = await projector.locator('.projector-toolbar').evaluate((bar) => bar.getBoundingClientRect().top)
    await expect.poll(() => projector.locator('.actor-chip').evaluateAll((chips) => Math.max(...chips.map((c) => c.getBoundingClientRect().bottom))), { timeout: 10_000 }).toBeLessThanOrEqual(barTop)
    expect(await projector.locator('.actor-chip').evaluateAll((chips) => Math.min(...chips.map((c) => parseFloat(getComputedStyle(c).fontSize))))).toBeGreaterThanOrEqual(20)
    expect(await projector.locator('.actor-more').count()).toBe(0)

    // The bar at the foot and the keys lead back to the boards, as on every other projector screen.
    await projector.locator('.projector-toolbar').getByRole('button', { name: 'Alle Tische' }).click()
    await projector.locator('main.projector-mode-wall').waitFor({ timeout: 15_000 })
    await projector.goBack()
    await projector.locator('.actor-columns').waitFor({ timeout: 15_000 })
    await projector.keyboard.press('4')
    await projector.locator('.projector-join-screen').waitFor({ timeout: 15_000 })

    // A screen too small for every actor at the smallest type: each area shows what fits, the
    // most-named first, and how many more it holds; the counts add up to every actor.
    const short = await browser.newContext({ ...PROJECTOR, viewport: { width: 1920, height: 560 } })
    const small = await short.newPage()
    await small.goto(mapUrl)
    await small.locator('.actor-more').first().waitFor({ timeout: 20_000 })
    const shown = await small.locator('.actor-chip').count()
    const more = (await small.locator('.actor-more').allTextContents()).reduce((sum, text) => sum + Number(/\d+/.exec(text)![0]), 0)
    expect(shown + more).toBe(total)
    expect(await small.locator('.actor-more').first().textContent()).toMatch(/^\+ \d+ weitere?r?$/)
    const foot = await small.locator('.actor-columns').evaluate((box) => box.getBoundingClientRect().bottom)
    expect(await small.locator('.actor-column li').evaluateAll((items) => Math.max(...items.map((c) => c.getBoundingClientRect().bottom)))).toBeLessThanOrEqual(foot)
    expect(await chip(small, 'Ehrenamt').count()).toBe(1)
    await short.close()
    await projectorContext.close()
  }, 120_000)

  it('a phone looks at the map read-only, in its own chunk', async () => {
    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    await phone.goto(`${server.url}${links.participant}`)
    await phone.getByRole('button', { name: 'Arbeitsmarktintegration' }).click()
    await phone.getByRole('button', { name: 'Akteurslandkarte ansehen' }).click()
    await phone.getByRole('heading', { name: 'Wer kann helfen?' }).waitFor()
    await phone.getByRole('heading', { name: 'Arbeit und Wirtschaft' }).waitFor()
    expect(await phone.getByRole('listitem').filter({ hasText: /^Jobcenter/ }).count()).toBe(1)
    expect(await phone.getByRole('textbox').count()).toBe(0)
    expect(await axeViolations(phone, 'main')).toEqual([])
    // "Zurück zum Tisch": on the map, "zur Karte" read as "to the map".
    await phone.getByRole('button', { name: 'Zurück zum Tisch' }).click()
    await phone.getByRole('button', { name: 'Akteurslandkarte ansehen' }).waitFor()
    await context.close()
  }, 60_000)
})
