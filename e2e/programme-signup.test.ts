import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { io } from 'socket.io-client'
import { type EventListItem, type FacilitatorEventView, WIRE_VERSION } from '@tischrunde/shared'
import { axeViolations } from './support/axe.js'
import { PHONE, launchBrowser } from './support/browser.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const KOELN = 'koeln-2018'
/** A week before the Köln day: sign-up time. */
const CLOCK = '2018-06-12T10:00:00+02:00'

let server: ServerProcess
let browser: Browser
let view: FacilitatorEventView
let facilitatorToken: string

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tischrunde-e2e-signup-'))
  const seeded = spawnSync(process.execPath, [path.join(ROOT, 'server/dist/cli/seed.js')], { cwd: ROOT, env: { ...process.env, TISCHRUNDE_DATA_DIR: dataDir }, encoding: 'utf8' })
  expect(seeded.stdout, seeded.stderr).toContain(`(${KOELN}) angelegt`)
  server = await startServerProcess({ dataDir, env: { TISCHRUNDE_NO_DEMO: '1', TISCHRUNDE_PROGRAMME_CLOCK: CLOCK } })
  browser = await launchBrowser()
  const list = (await (await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${server.adminKey}` } })).json()) as EventListItem[]
  const link = list.find((e) => e.id === KOELN)!.facilitatorLink
  facilitatorToken = decodeURIComponent(link.slice(link.indexOf('#k=') + 3))
  view = (await (await fetch(`${server.url}/api/events/${KOELN}`, { headers: { authorization: `Bearer ${facilitatorToken}` } })).json()) as FacilitatorEventView
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

async function phone(): Promise<Page> {
  const page = await (await browser.newContext(PHONE)).newPage()
  await page.goto(`${server.url}${view.links.participant}`)
  await page.getByRole('button', { name: /^Workshop 1 wählen: / }).waitFor()
  return page
}

/** The sentence under a phase's heading that names the choice. */
const choiceLine = (page: Page, phase: string) => page.getByRole('group', { name: `Wählen Sie einen Workshop für ${phase}` }).locator('p.muted').first().innerText()

describe('signing up days before the Köln day, and finding the choices again', () => {
  it('takes one workshop per phase without an account, lets a choice change, and a personal code brings them to another phone', async () => {
    const first = await phone()
    await first.getByText('Die Veranstaltung beginnt am 19. Juni 2018 um 09:00 Uhr.').waitFor()
    // What it is and the notices, before a name is typed: the event and its day, "Datenschutz & Impressum" to read first.
    await first.getByText('Vor dem Mitmachen lesen', { exact: false }).waitFor()
    await first.getByRole('button', { name: 'Datenschutz & Impressum' }).click()
    await first.getByRole('button', { name: 'Datenschutz & Impressum schließen' }).click()
    expect(await first.locator('.phone-header .eyebrow').textContent()).toMatch(/ · 19\. Juni 2018$/)
    await first.getByLabel('Name für die Teilnehmendenliste (freiwillig)').fill('Ayşe Demir')
    // The day's list starts at the arrival: one tap leads to the open choice.
    await first.getByRole('link', { name: 'Zur Workshop-Wahl: Arbeitsphase I' }).click()
    await expect.poll(() => first.evaluate(() => document.activeElement?.textContent)).toBe('Wählen Sie einen Workshop für Arbeitsphase I')
    await first.getByRole('button', { name: /^Workshop 3 wählen: / }).click()
    await expect.poll(() => choiceLine(first, 'Arbeitsphase I')).toContain('Ihre Wahl: Workshop 3')
    await first.getByRole('button', { name: /^Workshop 8 wählen: / }).click()
    await expect.poll(() => choiceLine(first, 'Arbeitsphase II')).toContain('Ihre Wahl: Workshop 8')
    expect(await first.getByRole('link', { name: /^Zur Workshop-Wahl/ }).count()).toBe(0)
    // One per phase: choosing workshop 2 moves the seat from workshop 3.
    await first.getByRole('button', { name: /^Workshop 2 wählen: / }).click()
    await expect.poll(() => choiceLine(first, 'Arbeitsphase I')).toContain('Ihre Wahl: Workshop 2')
    // The seats taken follow live: workshop 3 is free again.
    const seats = async (n: number) => /\d+ von 25/.exec(await first.locator(`li[data-workshop="${n}"]`).innerText())?.[0]
    await expect.poll(async () => [await seats(2), await seats(3), await seats(8)]).toEqual(['1 von 25', '0 von 25', '1 von 25'])
    const code = (await first.getByTestId('personal-code').innerText()).trim()
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
    // The language can be chosen here too (a day of workshops has no table screen that offers it).
    await first.getByLabel('Sprache').selectOption('en')
    await first.getByRole('heading', { level: 1, name: 'Programme' }).waitFor()
    await first.getByLabel('Language').selectOption('de')
    await first.getByRole('heading', { level: 1, name: 'Programm' }).waitFor()

    // Another phone: a wrong code is said so; the right one brings both choices back.
    const second = await phone()
    await expect.poll(() => choiceLine(second, 'Arbeitsphase I')).toContain('Noch keine Wahl')
    await second.getByRole('textbox', { name: 'Persönlicher Code' }).fill('ZZZZZZ')
    await second.getByRole('button', { name: 'Wahl wiederfinden' }).click()
    await second.getByText('Zu diesem Code gibt es keine Anmeldung. Bitte prüfen Sie die Schreibweise.').waitFor()
    // An empty field asks for the code; one typed in two groups, small, is read as the code.
    await second.getByRole('textbox', { name: 'Persönlicher Code' }).fill('')
    await second.getByRole('button', { name: 'Wahl wiederfinden' }).click()
    await second.getByText('Bitte geben Sie Ihren Code ein', { exact: false }).waitFor()
    await second.getByRole('textbox', { name: 'Persönlicher Code' }).fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`)
    await second.getByRole('button', { name: 'Wahl wiederfinden' }).click()
    await expect.poll(() => choiceLine(second, 'Arbeitsphase I'), { timeout: 15_000 }).toContain('Ihre Wahl: Workshop 2')
    // The page says so at the top, where the focus is.
    const found = second.getByRole('status').filter({ hasText: 'Ihre Wahl ist wieder da.' })
    await found.waitFor()
    expect(await found.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await choiceLine(second, 'Arbeitsphase II')).toContain('Ihre Wahl: Workshop 8')
    expect((await second.getByTestId('personal-code').innerText()).trim()).toBe(code)
    expect(await second.getByLabel('Name für die Teilnehmendenliste (freiwillig)').inputValue()).toBe('Ayşe Demir')
  }, 120_000)

  it('says the code comes with the first choice, and saves a name typed after choosing (the organiser’s list would miss it otherwise)', async () => {
    const first = await phone()
    expect(await first.getByTestId('personal-code-later').innerText()).toBe('Ihren persönlichen Code bekommen Sie mit Ihrer ersten Wahl.')
    await first.getByRole('button', { name: /^Workshop 4 wählen: / }).click()
    await expect.poll(() => choiceLine(first, 'Arbeitsphase I')).toContain('Ihre Wahl: Workshop 4')
    const code = (await first.getByTestId('personal-code').innerText()).trim()
    // The name only now, after the choice: "Namen speichern" sends it.
    await first.getByLabel('Name für die Teilnehmendenliste (freiwillig)').fill('Jonas Weber')
    await first.getByRole('button', { name: 'Namen speichern' }).click()
    await first.locator('.programme-code').getByRole('status').filter({ hasText: 'Name gespeichert.' }).waitFor()
    // Stored on the server: another phone with the code finds the name.
    const second = await phone()
    await second.getByRole('textbox', { name: 'Persönlicher Code' }).fill(code)
    await second.getByRole('button', { name: 'Wahl wiederfinden' }).click()
    await expect.poll(() => choiceLine(second, 'Arbeitsphase I'), { timeout: 15_000 }).toContain('Ihre Wahl: Workshop 4')
    await expect.poll(() => second.getByLabel('Name für die Teilnehmendenliste (freiwillig)').inputValue()).toBe('Jonas Weber')
  }, 120_000)

  it('shows a full workshop as unavailable, with the reason, while the person booked there keeps their booking', async () => {
    const booked = await phone()
    await booked.getByRole('button', { name: /^Workshop 9 wählen: / }).click()
    await expect.poll(() => choiceLine(booked, 'Arbeitsphase II')).toContain('Ihre Wahl: Workshop 9')
    // The organiser cuts the seats to those taken: workshop 9 is full.
    const taken = Number(/(\d+) von 25/.exec(await booked.locator('li[data-workshop="9"]').innerText())?.[1])
    const organiser = io(server.url, { auth: { token: facilitatorToken, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
    try {
      expect(await organiser.emitWithAck('programme:workshop', { workshopId: 'workshop-9', capacity: taken })).toMatchObject({ ok: true })
    } finally {
      organiser.disconnect()
    }
    const other = await phone()
    const full = other.locator('li[data-workshop="9"]').getByRole('button', { name: /^Ausgebucht: Workshop 9, / })
    await full.waitFor()
    expect(await full.isDisabled()).toBe(true)
    const reason = await full.getAttribute('aria-describedby')
    expect(await other.locator(`[id="${reason}"]`).innerText()).toBe('Workshop 9 ist ausgebucht, alle Plätze sind vergeben.')
    expect(await other.getByRole('button', { name: /^Workshop 9 wählen: / }).count()).toBe(0)
    // The one booked there still sees the booking and can take it back.
    await booked.locator('li[data-workshop="9"]').getByRole('button', { name: 'Wahl zurücknehmen' }).waitFor()
    expect(await axeViolations(other)).toEqual([])
  }, 120_000)

  it('says at once when the phone is offline and offers no choice until it is back (a tap failed silently after seconds)', async () => {
    const page = await phone()
    await page.context().setOffline(true)
    await page.getByRole('status').filter({ hasText: 'Keine Verbindung. Workshops wählen geht wieder, sobald Ihr Handy online ist' }).waitFor()
    expect(await page.getByRole('button', { name: /^Workshop 1 wählen: / }).isDisabled()).toBe(true)
    await page.context().setOffline(false)
    await expect.poll(() => page.getByRole('button', { name: /^Workshop 1 wählen: / }).isDisabled(), { timeout: 15_000 }).toBe(false)
    expect(await page.getByText('Keine Verbindung.', { exact: false }).count()).toBe(0)
  }, 60_000)

  it('keeps the sign-up lists on the console as live as the counts: a choice on a phone shows with its name', async () => {
    const desk = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' })).newPage()
    await desk.goto(`${server.url}${view.links.facilitator}`)
    await desk.getByRole('button', { name: 'Teilnehmendenlisten zeigen' }).click()
    await desk.getByRole('button', { name: 'Teilnehmendenlisten aktualisieren' }).waitFor()
    const lina = await phone()
    await lina.getByLabel('Name für die Teilnehmendenliste (freiwillig)').fill('Lina Lotte')
    await lina.locator('li[data-workshop="6"]').getByRole('button', { name: /^Workshop 6 wählen: / }).click()
    await expect.poll(() => choiceLine(lina, 'Arbeitsphase II')).toContain('Ihre Wahl: Workshop 6')
    // No click on "aktualisieren": the list follows the count.
    const listOf = (n: number) => desk.locator(`tr[data-workshop="${n}"] .programme-roster`)
    await listOf(6).getByText('Lina Lotte').waitFor({ timeout: 5000 })
    await lina.locator('li[data-workshop="7"]').getByRole('button', { name: /^Workshop 7 wählen: / }).click()
    await listOf(7).getByText('Lina Lotte').waitFor({ timeout: 5000 })
    expect(await listOf(6).getByText('Lina Lotte').count()).toBe(0)
    await desk.context().close()
  }, 120_000)

  // Last in this file: it closes the sign-up of the first work phase.
  it('shows the workshops the organiser closed as closed, with the reason, and no "wählen" button', async () => {
    const page = await phone()
    await page.getByRole('button', { name: /^Workshop 1 wählen: / }).waitFor()
    const organiser = io(server.url, { auth: { token: facilitatorToken, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
    try {
      for (const n of [1, 2, 3, 4, 5]) expect(await organiser.emitWithAck('programme:workshop', { workshopId: `workshop-${n}`, closed: true })).toMatchObject({ ok: true })
    } finally {
      organiser.disconnect()
    }
    // The open page hears of it: each closed workshop's button is off and says why.
    for (const n of [1, 2, 3, 4, 5]) {
      const closed = page.locator(`li[data-workshop="${n}"]`).getByRole('button', { name: new RegExp(`^Geschlossen: Workshop ${n}, `) })
      await closed.waitFor()
      expect(await closed.isDisabled()).toBe(true)
      const reason = await closed.getAttribute('aria-describedby')
      expect(await page.locator(`[id="${reason}"]`).innerText()).toBe(`Workshop ${n} ist geschlossen, die Moderation nimmt keine Anmeldungen mehr an.`)
      expect(await page.getByRole('button', { name: new RegExp(`^Workshop ${n} wählen: `) }).count()).toBe(0)
    }
    expect(await axeViolations(page)).toEqual([])
  }, 120_000)
})
