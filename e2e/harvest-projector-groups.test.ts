import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { axeViolations } from './support/axe.js'
import { PHONE, PROJECTOR } from './support/browser.js'
import { putCards } from './support/board-writer.js'
import { keyboardDrag } from './support/keyboard-drag.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import type { ServerProcess } from './support/server-process.js'

let cafe: Cafe
let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

beforeAll(async () => {
  // The last test puts a paged board's cards over the wire in one go.
  cafe = await openCafe({ title: 'Sichtung im Rathaus', tableNames: ['Sprache'] }, { TISCHRUNDE_CARDS_BURST: '100', TISCHRUNDE_CARDS_PER_MINUTE: '600' })
  ;({ server, browser, created } = cafe)
})
afterAll(async () => {
  await closeCafe(cafe)
})

/** The cards of a group tile on a grouping view, by the group's title. */
const groupCards = (page: Page, title: string) => page.locator('.gboard-group', { hasText: title }).locator('.gboard-card')

describe('grouping cards on the projector', () => {
  it('lets the facilitator’s own screen drag a card into a group by keyboard; the console and a projector see it; the projector has no handles', async () => {
    const table = created.event.tables[0]!
    const phoneContext = await browser.newContext(PHONE)
    const phone = await phoneContext.newPage()
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: table.name }).click()
    for (const text of ['Sprachkurse für Eltern', 'Dolmetscherpool']) {
      await phone.getByLabel('Deine Karte').fill(text)
      await phone.getByRole('button', { name: 'Karte senden' }).click()
      await phone.locator('.card-list').getByText(text, { exact: true }).waitFor()
    }

    // The console creates a group and opens the grouping view in a new window of the same browser.
    const consoleContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })
    const console_ = await consoleContext.newPage()
    await console_.goto(`${server.url}${created.links.facilitator}`)
    const editor = console_.getByRole('region', { name: 'Karten gruppieren' })
    await editor.getByLabel('Spalte').selectOption({ index: 0 })
    await editor.getByLabel('Neue Gruppe (Überschrift)').fill('Sprache lernen')
    await editor.getByRole('button', { name: 'Gruppe anlegen' }).click()
    await editor.locator('[data-group-id]').first().waitFor()
    const [screen] = await Promise.all([console_.waitForEvent('popup'), editor.getByRole('button', { name: 'Auf dem Beamer ordnen' }).click()])
    await screen.setViewportSize(PROJECTOR.viewport)
    await screen.locator('.gboard-group', { hasText: 'Sprache lernen' }).waitFor({ timeout: 10_000 })
    // The credential came in the fragment and is gone from the address at once.
    expect(screen.url()).not.toContain('#')
    await screen.getByText('Diese Ansicht ist für Ihren eigenen Bildschirm', { exact: false }).waitFor()

    // A second projector with the projector's own credential shows the same column, without handles.
    const viewOnly = await editor.getByRole('link', { name: 'Beamer-Gerät: nur ansehen' }).getAttribute('href')
    expect(viewOnly).not.toContain(created.facilitatorToken)
    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${viewOnly}`)
    await projector.locator('.gboard-group', { hasText: 'Sprache lernen' }).waitFor({ timeout: 10_000 })
    await projector.locator('.gboard-loose').getByText('Dolmetscherpool', { exact: true }).waitFor()
    expect(await projector.getByRole('button', { name: /^Ziehen/ }).count()).toBe(0)
    expect(await projector.getByRole('button', { name: /^Gruppe ziehen/ }).count()).toBe(0)
    expect(await projector.getByText('Diese Ansicht ist für Ihren eigenen Bildschirm', { exact: false }).count()).toBe(0)

    // By keyboard: pick the card up, go to the group (up from the loose cards), put it down.
    await keyboardDrag(screen, 'Ziehen: Dolmetscherpool', 'ArrowUp', /„Dolmetscherpool“ ist über: Gruppe „Sprache lernen“/)
    await groupCards(screen, 'Sprache lernen').getByText('Dolmetscherpool', { exact: true }).waitFor({ timeout: 5000 })
    // A screen reader heard where it went.
    await screen.waitForFunction(() => [...document.querySelectorAll('[id^="DndLiveRegion"]')].some((n) => /abgelegt: Gruppe „Sprache lernen“/.test(n.textContent ?? '')), undefined, { timeout: 2000 })
    // The console and the other projector show it within a second of the writer's own screen.
    await groupCards(projector, 'Sprache lernen').getByText('Dolmetscherpool', { exact: true }).waitFor({ timeout: 1000 })
    await editor.locator('[data-group-id] [data-card-id]', { hasText: 'Dolmetscherpool' }).waitFor({ timeout: 1000 })

    // Collapsed on the facilitator's screen: the projector folds the group too.
    await screen.locator('.gboard-group', { hasText: 'Sprache lernen' }).getByRole('button', { expanded: true }).click()
    await groupCards(projector, 'Sprache lernen').first().waitFor({ state: 'detached', timeout: 5000 })

    // A second group, dragged by keyboard onto the first, takes its place: the projector numbers it 1.
    await screen.getByLabel('Neue Gruppe (Überschrift)').fill('Arbeit')
    await screen.getByRole('button', { name: 'Gruppe anlegen' }).click()
    await keyboardDrag(screen, 'Gruppe ziehen: Arbeit', 'ArrowLeft', /Gruppe „Arbeit“ ist über: Gruppe „Sprache lernen“/)
    await projector.locator('.gboard-group').first().getByText('1. Arbeit').waitFor({ timeout: 5000 })
    expect(await projector.locator('.gboard-group-title').allInnerTexts()).toEqual(['1. Arbeit', '2. Sprache lernen'])

    expect([...(await axeViolations(screen)).map((v) => `own screen: ${v}`), ...(await axeViolations(projector)).map((v) => `projector: ${v}`)]).toEqual([])
    for (const c of [phoneContext, consoleContext, projectorContext]) await c.close()
    // Five pages and two axe runs: more than the default minute on a busy machine.
  }, 120_000)

  it('shows the groups on the projector’s table board, and every card wholly on its page', async () => {
    const table = created.event.tables[0]!
    const texts = Array.from({ length: 40 }, (_, i) => `Sprachförderung in Kitas und Schulen ausbauen, Vorschlag ${i + 1}`)
    await putCards(server.url, created, table.id, 'laeuft-gut', texts)
    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${created.links.projector.replace('#', `?mode=table&table=${table.id}#`)}`)
    await projector.getByRole('heading', { level: 3, name: /^Ohne Gruppe/ }).waitFor({ timeout: 10_000 })
    await projector.getByText(/Seite 1 von \d/).waitFor()
    // "Arbeit" has no card: no heading; "Sprache lernen" is folded: its heading, not its card.
    const headings = (await projector.locator('.pboard-group-title').allInnerTexts()).map((h) => h.replace(/\u00ad/g, '').replace(/\s+/g, ' '))
    expect(headings).toEqual(['2. Sprache lernen 1 Karte', 'Ohne Gruppe 41 Karten'])
    expect(await projector.locator('.pboard').getByText('Dolmetscherpool', { exact: true }).count()).toBe(0)
    // Once the cards have slid in, a card the screen shows whole is never hidden as "on another page".
    await projector.waitForTimeout(1000)
    const hiddenOnScreen = await projector.evaluate(() => {
      const box = document.querySelector('.pboard')!.getBoundingClientRect()
      return [...document.querySelectorAll<HTMLElement>('.pboard .card')]
        .filter((card) => {
          const r = card.getBoundingClientRect()
          return r.top >= box.top && r.bottom <= box.bottom && r.height > 0 && card.closest('[data-off-page]') !== null
        })
        .map((card) => card.textContent)
    })
    expect(hiddenOnScreen).toEqual([])
    await projectorContext.close()
  })

  it('shows the groups of a one-table vote in the review on the projector, under its ranking', async () => {
    const consoleContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })
    const console_ = await consoleContext.newPage()
    await console_.goto(`${server.url}${created.links.facilitator}`)
    const panel = console_.getByRole('region', { name: 'Priorisieren mit Punkten' })
    await panel.getByLabel('Worüber wird abgestimmt?').selectOption('all')
    await panel.getByRole('button', { name: 'Abstimmung starten' }).click()
    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${created.links.projector}`)
    const clusters = projector.getByRole('list', { name: 'Gruppen' })
    // The empty "Arbeit" is no unit to show; "Sprache lernen" is the only group, first by its dots.
    await clusters.getByText('1. Sprache lernen').waitFor({ timeout: 10_000 })
    expect(await clusters.innerText()).toMatch(/^1\. Sprache lernen · 0 Punkte$/)
    for (const c of [consoleContext, projectorContext]) await c.close()
  })
})
