import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe, openEvent } from './support/cafe.js'
import { minFontPx } from './support/command-cafe.js'
import type { ServerProcess } from './support/server-process.js'

let cafe: Cafe
let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

const EVENT = { title: 'Priorisierung im Rathaus', tableNames: ['Arbeitsmarktintegration', 'Sprache'], place: 'Rathaus' }
beforeAll(async () => {
  cafe = await openCafe(EVENT)
  ;({ server, browser } = cafe)
})
// Each test (and its retry) on an event of its own: a vote an attempt left running does not take the next one's phones.
beforeEach(async () => {
  created = await openEvent(server, EVENT)
})
afterAll(async () => {
  await closeCafe(cafe)
})

async function phoneAtTable(tableName: string) {
  const context = await browser.newContext(PHONE)
  const page = await context.newPage()
  await page.goto(`${server.url}${created.links.participant}`)
  await page.getByRole('button', { name: tableName }).click()
  await page.getByRole('heading', { name: tableName }).waitFor()
  // A long name stays whole on one line at 360 px (beside the timer it broke mid-word, "Arbeitsmarktinte-gration").
  if (/\S{14,}/.test(tableName)) {
    const lines = await page.getByRole('heading', { name: tableName }).evaluate((h) => h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).fontSize))
    expect(lines).toBeLessThan(1.7)
  }
  return { context, page }
}

async function writeCard(page: Page, text: string) {
  await page.getByLabel('Deine Karte').fill(text)
  await page.getByRole('button', { name: 'Karte senden' }).click()
  await page.getByText(text).first().waitFor()
}

/** The ranking on the projector as "<rank>. <text> <votes>" lines, in order. */
async function projectorRanking(projector: Page): Promise<string[]> {
  const list = projector.getByRole('list', { name: 'Rangfolge über alle Tische' })
  // The view may just have been chosen: wait until the ranking stands (reading at once found no list).
  await list.getByRole('listitem').first().waitFor({ timeout: 5000 })
  return (await list.getByRole('listitem').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim())
}

describe('dot voting in real browsers: phones vote, the projector ranks live', () => {
  it('lets phones place dots within their budget while the projector shows the ranking with ties, until the result is frozen', async () => {
    const first = await phoneAtTable('Arbeitsmarktintegration')
    const second = await phoneAtTable('Arbeitsmarktintegration')
    for (const text of ['Mentoring für Berufseinsteiger', 'Jobmesse im Rathaus', 'Sprachkurse im Betrieb', 'Bewerbungstraining mit Ehrenamtlichen']) await writeCard(first.page, text)

    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${created.links.projector}`)
    const consoleContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })
    const console_ = await consoleContext.newPage()
    await console_.goto(`${server.url}${created.links.facilitator}`)

    // The facilitator starts the step: all cards, 3 dots each, one per card.
    const panel = console_.getByRole('region', { name: 'Priorisieren mit Punkten' })
    await panel.getByLabel('Frage').fill('Welche Maßnahmen zuerst?')
    await panel.getByLabel('Worüber wird abgestimmt?').selectOption('all')
    await panel.getByLabel('Punkte pro Person').fill('3')
    await panel.getByRole('button', { name: 'Abstimmung starten' }).click()

    // Phones switch to voting; the projector to the ranking.
    await projector.getByRole('heading', { name: 'Welche Maßnahmen zuerst?' }).waitFor({ timeout: 5000 })
    for (const phone of [first, second]) await phone.page.getByRole('heading', { name: 'Punkte vergeben' }).waitFor({ timeout: 5000 })
    await first.page.getByText('Du hast noch 3 Punkte.').waitFor()

    const add = (page: Page, text: string) => page.getByRole('button', { name: `Punkt geben für: ${text}` }).click()
    // By keyboard: the button that reached its card's limit keeps the focus (it went to the page, then the heading).
    const mentoring = first.page.getByRole('button', { name: 'Punkt geben für: Mentoring für Berufseinsteiger' })
    await mentoring.focus()
    await first.page.keyboard.press('Enter')
    await first.page.getByText('Du hast noch 2 Punkte.').waitFor()
    // One dot per card: the button for that card is done, and says so.
    await expect.poll(() => mentoring.getAttribute('aria-disabled')).toBe('true')
    await first.page.waitForTimeout(1500)
    await expect(mentoring.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await first.page.keyboard.press('Enter')
    await first.page.waitForTimeout(300)
    await first.page.getByText('Du hast noch 2 Punkte.').waitFor()
    await add(first.page, 'Jobmesse im Rathaus')
    await add(second.page, 'Mentoring für Berufseinsteiger')
    await add(second.page, 'Sprachkurse im Betrieb')

    // Live on the projector: 1. Mentoring (2), then Jobmesse and Sprachkurse tied on place 2.
    const sent = Date.now()
    await projector.waitForFunction(() => document.querySelectorAll('[aria-labelledby="vote-overall"] li').length === 3, undefined, { timeout: 5000 })
    console.log(`ranking on the projector after ${Date.now() - sent} ms`)
    const ranking = await projectorRanking(projector)
    expect(ranking[0]).toMatch(/^1\. Mentoring für Berufseinsteiger.*2 Punkte/)
    expect(ranking.slice(1).every((line) => /^2\. .*1 Punkt gleichauf/.test(line))).toBe(true)
    // Readable from the back row, and right under the question (a tall empty band stood between them).
    expect(await minFontPx(projector, '[aria-labelledby="vote-overall"] .vote-rank-text')).toBeGreaterThanOrEqual(28)
    const band = await projector.evaluate(() => document.getElementById('vote-overall')!.getBoundingClientRect().top - document.getElementById('vote-ranking-title')!.closest('header')!.getBoundingClientRect().bottom)
    expect(band).toBeLessThan(60)
    // The lists per table below keep their own size: a dot count as large as the ranking's squeezed their texts.
    const size = (selector: string) => projector.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(await size('.vote-ranking-tables .vote-rank-votes')).toBeLessThanOrEqual((await size('.vote-ranking-tables .vote-rank-text')) * 1.2)
    // Per table, side by side: each table's name stays within its own column (a long name ran into the next one).
    const perTable = projector.getByRole('region', { name: 'Pro Tisch' })
    // A table without a dot yet is named in one line, not given a block of its own.
    await perTable.getByText('Noch keine Punkte: Sprache').waitFor()
    expect(await perTable.getByRole('heading', { name: 'Sprache', exact: true }).count()).toBe(0)
    const spill = await perTable.locator('h3').evaluateAll((hs) => hs.filter((h) => h.scrollWidth > h.clientWidth + 1 || h.getBoundingClientRect().right > h.parentElement!.getBoundingClientRect().right + 1).map((h) => h.textContent))
    expect(spill).toEqual([])

    // The last dot spends the budget; the phone says so and offers no more.
    await add(first.page, 'Sprachkurse im Betrieb')
    await first.page.getByText('Alle Punkte vergeben.', { exact: false }).waitFor()
    await projector.getByText('2 Personen haben abgestimmt').waitFor()
    // One more "+" with none left: the phone answers under that card, in view (not at the top of a long list).
    const another = first.page.locator('.vote-card').filter({ hasText: 'Bewerbungstraining mit Ehrenamtlichen' })
    await another.getByRole('button', { name: 'Punkt geben für: Bewerbungstraining mit Ehrenamtlichen' }).click()
    const refusal = another.getByRole('alert')
    await refusal.waitFor({ timeout: 5000 })
    expect(await refusal.textContent()).toContain('schon alle Punkte vergeben')
    expect(await refusal.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight && el.getBoundingClientRect().top >= 0)).toBe(true)
    // The facilitator hides a card with one of its dots: the dot comes back, the phone says why, and
    // the refusal above ("schon alle Punkte vergeben") no longer stands.
    await console_.getByRole('button', { name: 'Karte „Jobmesse im Rathaus“ ausblenden' }).click()
    await first.page.getByText('Du hast noch 1 Punkt.').waitFor({ timeout: 5000 })
    await first.page.getByText('Punkte zurück: Eine Karte, auf der Punkte von dir lagen', { exact: false }).waitFor({ timeout: 5000 })
    await refusal.waitFor({ state: 'detached', timeout: 5000 })
    // Taking one back frees it again, without that note.
    await first.page.getByRole('button', { name: 'Punkt zurücknehmen von: Sprachkurse im Betrieb' }).click()
    await first.page.getByText('Du hast noch 2 Punkte.').waitFor()
    expect(await first.page.getByText('Punkte zurück', { exact: false }).count()).toBe(0)
    await add(first.page, 'Sprachkurse im Betrieb')
    await first.page.getByText('Du hast noch 1 Punkt.').waitFor()
    // Struck through by the facilitator: the card stays on the phone, struck and marked, without "+".
    await console_.getByRole('button', { name: 'Karte „Bewerbungstraining mit Ehrenamtlichen“ durchstreichen' }).click()
    await another.getByText('Durchgestrichen').waitFor({ timeout: 5000 })
    expect(await another.getByRole('button', { name: 'Punkt geben für: Bewerbungstraining mit Ehrenamtlichen' }).count()).toBe(0)
    expect(await another.locator('.card-words-text').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through')

    // A reload keeps the dots: they live on the server.
    await first.page.reload()
    await first.page.getByText('Du hast noch 1 Punkt.').waitFor({ timeout: 10_000 })

    // Frozen: the projector says so; phones go back to their table.
    await panel.getByRole('button', { name: 'Ergebnis festhalten' }).click()
    await projector.getByText('Ergebnis festgehalten', { exact: false }).waitFor({ timeout: 5000 })
    await first.page.getByRole('heading', { name: 'Punkte vergeben' }).waitFor({ state: 'detached', timeout: 5000 })
    // Back at the table, the phone says the vote is over (it used to go back without a word).
    const over = first.page.getByRole('status').filter({ has: first.page.getByRole('heading', { name: 'Abstimmung beendet' }) })
    await over.waitFor({ timeout: 5000 })
    expect(await over.innerText()).toContain('Welche Maßnahmen zuerst?')
    expect(await over.innerText()).toContain('Die Abstimmung ist beendet. Danke fürs Mitmachen! Du hast 2 Punkte vergeben.')
    await over.getByRole('button', { name: 'Hinweis ausblenden' }).click()
    await over.waitFor({ state: 'detached' })
    expect((await projectorRanking(projector))[0]).toMatch(/^1\. Mentoring für Berufseinsteiger.*2 Punkte/)

    // The projector's own keys still choose its view (the join code for latecomers); the bar brings the ranking back.
    await projector.keyboard.press('4')
    await projector.locator('#join-title').waitFor({ timeout: 5000 })
    expect(await projector.getByRole('list', { name: 'Rangfolge über alle Tische' }).count()).toBe(0)
    await projector.getByRole('button', { name: 'Abstimmung' }).click()
    expect((await projectorRanking(projector))[0]).toMatch(/^1\. Mentoring für Berufseinsteiger.*2 Punkte/)

    for (const c of [projectorContext, consoleContext, first.context, second.context]) await c.close()
  })

  it('lets a table host group cards "zu Gruppe …" on their phone; the review on the projector shows the numbered group with its dots', async () => {
    const table = created.event.tables.find((x) => x.name === 'Sprache')!
    const hostContext = await browser.newContext(PHONE)
    const host = await hostContext.newPage()
    await host.goto(`${server.url}${created.links.hosts[table.id]}`)
    for (const text of ['Sprachkurse für Eltern', 'Sprachcafé im Stadtteil', 'Dolmetscherpool']) await writeCard(host, text)

    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${created.links.projector}`)

    // The host groups two cards under "Sprache lernen".
    await host.getByRole('button', { name: 'Karten gruppieren' }).click()
    await host.getByRole('heading', { name: 'Karten gruppieren' }).waitFor()
    await host.getByLabel('Spalte').selectOption({ index: 0 })
    await host.getByLabel('Neue Gruppe (Überschrift)').fill('Sprache lernen')
    await host.getByRole('button', { name: 'Gruppe anlegen' }).click()
    await host.getByLabel('Gruppe für: Sprachkurse für Eltern').selectOption({ label: 'zu Gruppe 1. Sprache lernen' })
    // By keyboard: the card moves into the group's list, and the focus with it.
    await host.getByLabel('Gruppe für: Sprachcafé im Stadtteil').focus()
    await host.keyboard.press('ArrowDown')
    await host.keyboard.press('Enter')
    await host.locator('[data-group-id] [data-card-id]').nth(1).waitFor()
    await host.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Gruppe für: Sprachcafé im Stadtteil' && document.activeElement.closest('[data-group-id]') !== null)
    expect(await host.locator('[data-group-id] [data-card-id]').allInnerTexts()).toEqual([expect.stringContaining('Sprachkurse für Eltern'), expect.stringContaining('Sprachcafé im Stadtteil')])
    await host.getByRole('button', { name: 'Fertig' }).click()

    // A second step over the first station: two phones vote; the projector's review shows the group.
    const consoleContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })
    const console_ = await consoleContext.newPage()
    await console_.goto(`${server.url}${created.links.facilitator}`)
    const panel = console_.getByRole('region', { name: 'Priorisieren mit Punkten' })
    await panel.getByLabel('Frage').fill('Was hilft beim Deutschlernen?')
    await panel.getByLabel('Worüber wird abgestimmt?').selectOption({ index: 1 })
    await panel.getByRole('button', { name: 'Abstimmung starten' }).click()
    await projector.getByRole('heading', { name: 'Was hilft beim Deutschlernen?' }).waitFor({ timeout: 5000 })
    const voter = await phoneAtTable('Sprache')
    await voter.page.getByRole('heading', { name: 'Punkte vergeben' }).waitFor({ timeout: 5000 })
    await voter.page.getByRole('button', { name: 'Punkt geben für: Sprachkurse für Eltern' }).click()
    await voter.page.getByRole('button', { name: 'Punkt geben für: Sprachcafé im Stadtteil' }).click()
    await voter.page.getByText('Du hast noch 1 Punkt.').waitFor()
    const clusters = projector.getByRole('list', { name: 'Gruppen' })
    await clusters.getByText('1. Sprache lernen').waitFor({ timeout: 5000 })
    await projector.waitForFunction(() => /1\. Sprache lernen · 2 Punkte/.test(document.querySelector('[aria-label="Gruppen"]')?.textContent ?? ''), undefined, { timeout: 5000 })

    // On the console, the third card is dragged onto the group's heading (@dnd-kit, with the mouse).
    const editor = console_.getByRole('region', { name: 'Karten gruppieren' })
    await editor.locator('select').first().selectOption({ label: 'Sprache' })
    await editor.getByLabel('Spalte').selectOption({ index: 0 })
    const handle = editor.getByRole('button', { name: 'Ziehen: Dolmetscherpool' })
    const head = editor.locator('[data-group-id] .group-head').first()
    await handle.scrollIntoViewIfNeeded()
    await head.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    const from = (await handle.boundingBox())!
    const to = (await head.boundingBox())!
    await console_.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await console_.mouse.down()
    await console_.mouse.move(from.x + 20, from.y - 10, { steps: 5 })
    await console_.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 })
    await console_.mouse.up()
    await editor.locator('[data-group-id] [data-card-id]').nth(2).waitFor({ timeout: 5000 })
    expect(await editor.locator('[data-group-id] [data-card-id]').nth(2).innerText()).toContain('Dolmetscherpool')

    for (const c of [hostContext, projectorContext, consoleContext, voter.context]) await c.close()
  })
})
