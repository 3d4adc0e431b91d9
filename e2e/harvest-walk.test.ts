import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { axeViolations } from './support/axe.js'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import type { ServerProcess } from './support/server-process.js'

let cafe: Cafe
let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

beforeAll(async () => {
  cafe = await openCafe({ title: 'Sichtung', tableNames: ['Arbeitsmarktintegration', 'Sprache'] })
  ;({ server, browser, created } = cafe)
})
afterAll(async () => {
  await closeCafe(cafe)
})

/** axe-core's findings on one screen, named by where they are. */
async function violationsOf(page: Page, where: string): Promise<string[]> {
  return (await axeViolations(page)).map((v) => `${where}: ${v}`)
}

/** The voting and grouping screens, walked with axe-core (WCAG 2.1 A and AA) in German and English. */
describe.each(['de', 'en'] as const)('voting screens in %s', (lang) => {
  it('have no WCAG 2.1 AA violation: console panel, phone voting, projector review, host grouping, projector grouping', async () => {
    const open = async (options: Parameters<Browser['newContext']>[0], path: string) => {
      const context = await browser.newContext({ ...options, locale: lang === 'de' ? 'de-DE' : 'en-GB' })
      await context.addInitScript((l) => window.localStorage.setItem('tischrunde.lang', l), lang)
      const page = await context.newPage()
      await page.goto(`${server.url}${path}`)
      return { context, page }
    }
    const table = created.event.tables[0]!
    const host = await open(PHONE, created.links.hosts[table.id]!)
    await host.page.locator('main').waitFor()
    const cardLabel = lang === 'de' ? 'Deine Karte' : 'Your card'
    for (const text of [`Mentoring ${lang}`, `Jobmesse ${lang}`]) {
      await host.page.getByLabel(cardLabel).fill(text)
      await host.page.getByRole('button', { name: lang === 'de' ? 'Karte senden' : 'Send card' }).click()
      await host.page.getByText(text).first().waitFor()
    }
    await host.page.getByRole('button', { name: lang === 'de' ? 'Karten gruppieren' : 'Group cards' }).click()
    await host.page.getByRole('heading', { name: lang === 'de' ? 'Karten gruppieren' : 'Group cards' }).waitFor()
    await host.page.getByLabel(lang === 'de' ? 'Spalte' : 'Column').selectOption({ index: 0 })
    await host.page.getByLabel(lang === 'de' ? 'Neue Gruppe (Überschrift)' : 'New group (heading)').fill('Arbeit')
    await host.page.getByRole('button', { name: lang === 'de' ? 'Gruppe anlegen' : 'Create group' }).click()
    await host.page.locator('[data-group-id]').first().waitFor()
    const violations = await violationsOf(host.page, 'host grouping')

    // The grouping view on the projector: read-only with the projector's credential, with handles on the facilitator's own screen.
    const station = created.event.template.stations[0]!
    const groupsView = `?mode=gruppen&tisch=${table.id}&spalte=${station.id}/${station.columns[0]!.id}`
    const [projectorPath, projectorKey] = created.links.projector.split('#')
    const beamer = await open(PROJECTOR, `${projectorPath}${groupsView}#${projectorKey}`)
    await beamer.page.locator('.gboard-group').first().waitFor({ timeout: 10_000 })
    violations.push(...(await violationsOf(beamer.page, 'projector grouping (read-only)')))
    const ownScreen = await open(PROJECTOR, `${projectorPath}${groupsView}#f=${encodeURIComponent(created.facilitatorToken)}`)
    await ownScreen.page.locator('.gboard-group .drag-handle').first().waitFor({ timeout: 10_000 })
    violations.push(...(await violationsOf(ownScreen.page, 'projector grouping (facilitator’s screen)')))
    for (const c of [beamer, ownScreen]) await c.context.close()

    const desk = await open({ viewport: { width: 1440, height: 900 } }, created.links.facilitator)
    const panel = desk.page.getByRole('region', { name: lang === 'de' ? 'Priorisieren mit Punkten' : 'Prioritise with dots' })
    await panel.getByRole('button', { name: lang === 'de' ? 'Abstimmung starten' : 'Start voting' }).waitFor()
    await panel.getByLabel(lang === 'de' ? 'Worüber wird abgestimmt?' : 'What is voted on?').selectOption('all')
    await panel.getByRole('button', { name: lang === 'de' ? 'Abstimmung starten' : 'Start voting' }).click()
    await panel.locator('[data-step-id]').first().waitFor()

    const phone = await open(PHONE, created.links.participant)
    await phone.page.getByRole('button', { name: table.name }).click()
    await phone.page.getByRole('heading', { name: lang === 'de' ? 'Punkte vergeben' : 'Place your dots' }).waitFor()
    await phone.page.getByRole('button', { name: new RegExp(`^${lang === 'de' ? 'Punkt geben für' : 'Add a dot to'}: Mentoring ${lang}$`) }).click()
    violations.push(...(await violationsOf(phone.page, 'phone voting')))

    const wall = await open(PROJECTOR, created.links.projector)
    await wall.page.locator('.vote-rank').first().waitFor({ timeout: 5000 })
    violations.push(...(await violationsOf(wall.page, 'projector review')))
    violations.push(...(await violationsOf(desk.page, 'console voting panel')))
    // The step ends, so the next language's phones start at their table again.
    await panel.getByRole('button', { name: lang === 'de' ? 'Ergebnis festhalten' : 'Record the result' }).first().click()
    await panel.getByRole('button', { name: lang === 'de' ? 'Wieder öffnen' : 'Open again' }).first().waitFor()
    // Back at the table, the phone says the vote is over.
    await phone.page.getByRole('heading', { name: lang === 'de' ? 'Abstimmung beendet' : 'Voting has ended' }).waitFor({ timeout: 5000 })
    violations.push(...(await violationsOf(phone.page, 'phone after the vote')))

    for (const c of [host, desk, phone, wall]) await c.context.close()
    expect(violations).toEqual([])
    // Seven screens with axe in one walk: more than the default minute on a busy machine.
  }, 150_000)
})
