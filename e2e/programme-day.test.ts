import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EventListItem, type FacilitatorEventView, type JoinResponse, WIRE_VERSION } from '@tischrunde/shared'
import { axeViolations } from './support/axe.js'
import { PHONE, PROJECTOR, launchBrowser } from './support/browser.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const KOELN = 'koeln-2018'
/** The day of seed 000, 11:20 in Köln: the keynote is over, Arbeitsphase I (11:30) comes next. */
const CLOCK = '2018-06-19T11:20:00+02:00'

let server: ServerProcess
let browser: Browser
let view: FacilitatorEventView
const sockets: Socket[] = []

beforeAll(async () => {
  // `npm run seed` into a fresh data folder, then the server on it with the programme's clock set.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tischrunde-e2e-programme-'))
  const seeded = spawnSync(process.execPath, [path.join(ROOT, 'server/dist/cli/seed.js')], { cwd: ROOT, env: { ...process.env, TISCHRUNDE_DATA_DIR: dataDir }, encoding: 'utf8' })
  expect(seeded.stdout, seeded.stderr).toContain(`(${KOELN}) angelegt`)
  server = await startServerProcess({ dataDir, env: { TISCHRUNDE_NO_DEMO: '1', TISCHRUNDE_PROGRAMME_CLOCK: CLOCK } })
  browser = await launchBrowser()
  const list = (await (await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${server.adminKey}` } })).json()) as EventListItem[]
  const facilitatorLink = list.find((e) => e.id === KOELN)!.facilitatorLink
  const token = decodeURIComponent(facilitatorLink.slice(facilitatorLink.indexOf('#k=') + 3))
  view = (await (await fetch(`${server.url}/api/events/${KOELN}`, { headers: { authorization: `Bearer ${token}` } })).json()) as FacilitatorEventView
}, 60_000)

afterAll(async () => {
  for (const s of sockets) s.disconnect()
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

/** A participant who signs up from elsewhere (another phone), over the control plane. */
async function signUpElsewhere(workshopId: string): Promise<void> {
  const res = await fetch(`${server.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: view.joinCode }) })
  const { token } = (await res.json()) as JoinResponse
  const socket = io(server.url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
  sockets.push(socket)
  const ack = (await socket.emitWithAck('programme:choose', { phaseId: 'arbeitsphase-i', workshopId })) as { ok: boolean; data?: { booked: boolean } }
  expect(ack).toMatchObject({ ok: true, data: { booked: true } })
}

describe('the Köln programme (seed 000) on the projector, a phone and the console', () => {
  it('shows ten workshops in two phases; a phone signs up for workshop 5, hears the hint past 80 %, and follows now and next', async () => {
    const projector = await (await browser.newContext(PROJECTOR)).newPage()
    await projector.goto(`${server.url}${view.links.projector}`)
    const day = projector.locator('.programme-day')
    await day.getByRole('heading', { name: /Arbeitsphase I: Praxisbeispiele und Erfahrungsaustausch/ }).waitFor()
    // Arbeitsphase I comes next: its five workshops stand large per room; the day's list names the five of the phase after it.
    await expect.poll(() => projector.locator('.programme-rooms [data-workshop]').count()).toBe(5)
    await expect.poll(() => day.locator('[data-workshop]').count()).toBe(5)
    expect(await day.locator('[data-item="arbeitsphase-i"] [data-workshop]').count()).toBe(0)
    expect(await day.locator('[data-item="arbeitsphase-ii"] [data-workshop]').first().innerText()).toContain('Workshop 6: Die Dialogische Haltung in der Arbeit mit Jugendlichen')
    // 11:20: nothing runs; next is Arbeitsphase I.
    await expect.poll(() => projector.getByTestId('programme-next').innerText()).toMatch(/als Nächstes\s+Arbeitsphase I: Praxisbeispiele/i)

    // 19 of 25 seats of workshop 5 are taken elsewhere; the phone takes the 20th (80 %).
    for (let i = 0; i < 19; i++) await signUpElsewhere('workshop-5')
    const phone = await (await browser.newContext(PHONE)).newPage()
    await phone.goto(`${server.url}${view.links.participant}`)
    const choose = phone.getByRole('button', { name: 'Workshop 5 wählen: Von der Schule in den Beruf – den Übergang gemeinsam stemmen' })
    await choose.waitFor()
    await expect.poll(() => phone.getByTestId('programme-next').innerText()).toMatch(/als Nächstes\s+Arbeitsphase I/i)
    await choose.click()
    const hint = phone.getByTestId('programme-hint')
    await hint.waitFor()
    // Where the tap was: under workshop 5, in view (it stood above the phase's list, far up the page).
    expect(await hint.evaluate((el) => el.closest('[data-workshop]')?.getAttribute('data-workshop'))).toBe('5')
    expect(await hint.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight && el.getBoundingClientRect().bottom > 0)).toBe(true)
    expect(await hint.innerText()).toContain(
      'HINWEIS: Diesen Workshop haben bereits viele Teilnehmende ausgewählt. Für eine gute Arbeitsatmosphäre möchten wir Sie bitten, in Betracht zu ziehen, ob einer der anderen Workshops in dieser Arbeitsphase ebenso interessant für Sie ist.',
    )
    // The least-filled alternatives of the same phase are offered.
    await expect(hint.getByRole('button', { name: /^Workshop 1 wählen: / }).count()).resolves.toBe(1)
    await phone.getByTestId('personal-code').waitFor()

    // The console counts 20 in workshop 5 and shifts the rest of the day 15 minutes earlier.
    const consolePage = await (await browser.newContext(PROJECTOR)).newPage()
    await consolePage.goto(`${server.url}${view.links.facilitator}`)
    await expect.poll(() => consolePage.getByTestId('count-5').innerText(), { timeout: 15_000 }).toBe('20 sehr gefragt')
    // A programme-only day: no café controls (round bar, remote, round settings, keys) and no table wording.
    const consoleText = await consolePage.locator('main').innerText()
    for (const cafe of ['Vor dem Start', 'Start: Station 1', 'Tasten: N weiter', 'Alle Tische', 'Je Thementisch', 'ohne Tisch']) expect(consoleText).not.toContain(cafe)
    expect(await consolePage.locator('#console-content').getByRole('heading', { name: 'Thementische', exact: true }).count()).toBe(0)
    // Its setup form folds theme tables and stations away (they matter only if a World Café is added).
    const cafeExtra = consolePage.locator('details.setup-cafe-extra')
    expect(await cafeExtra.locator('summary').innerText()).toBe('World Café an diesem Tag (Thementische und Stationen)')
    expect(await consolePage.getByLabel('Titel der Station').first().isVisible()).toBe(false)
    await cafeExtra.locator('summary').click()
    await consolePage.getByLabel('Titel der Station').first().waitFor()
    await cafeExtra.locator('summary').click()
    const exports = consolePage.getByRole('region', { name: 'Ergebnisse herunterladen' })
    await exports.getByRole('button', { name: 'Alles als ZIP' }).waitFor()
    expect(await exports.getByRole('button', { name: 'Alle Daten (Excel)' }).count()).toBe(1)
    await consolePage.getByLabel('Rest des Tages verschieben um (Minuten)').fill('-15')
    await consolePage.getByRole('button', { name: 'Verschieben' }).click()

    // Now (11:20) Arbeitsphase I runs (11:15–12:45): the phone shows "jetzt" with its workshop, and what is next.
    await expect.poll(() => phone.getByTestId('my-workshop-now').innerText(), { timeout: 15_000 }).toContain('Ihr Workshop jetzt: Workshop 5')
    expect(await phone.getByTestId('programme-now').innerText()).toMatch(/jetzt\s+Arbeitsphase I/i)
    expect(await phone.getByTestId('programme-next').innerText()).toMatch(/als Nächstes\s+Arbeitsphase II: Methoden und Instrumente/i)
    expect(await phone.getByTestId('programme-now').innerText()).toContain('11:15 – 12:45 Uhr')
    // And it says so in words: a time noted down before is wrong now.
    expect(await phone.getByRole('status').filter({ hasText: 'Der Rest des Tages läuft jetzt 15 Minuten früher.' }).count()).toBe(1)
    await expect.poll(() => projector.getByTestId('programme-now').innerText(), { timeout: 15_000 }).toMatch(/jetzt\s+Arbeitsphase I/i)
    // Per room on the projector: the five workshops of the running phase.
    expect(await projector.getByRole('heading', { name: 'Jetzt läuft: Arbeitsphase I' }).count()).toBe(1)

    // The three screens pass axe (WCAG 2.1 AA).
    expect(await axeViolations(projector)).toEqual([])
    expect(await axeViolations(phone)).toEqual([])
    expect(await axeViolations(consolePage)).toEqual([])
  }, 120_000)
})
