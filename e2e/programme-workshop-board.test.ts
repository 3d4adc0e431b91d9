import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from './support/axe.js'
import type { EventListItem, FacilitatorEventView } from '@tischrunde/shared'
import { PHONE, PROJECTOR, launchBrowser } from './support/browser.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** The Köln day (seed 000), 12:15: Arbeitsphase I runs. */
const CLOCK = '2018-06-19T12:15:00+02:00'
const WORKSHOP_5 = 'Von der Schule in den Beruf – den Übergang gemeinsam stemmen'

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tischrunde-e2e-workshop-board-'))
  const seeded = spawnSync(process.execPath, [path.join(ROOT, 'server/dist/cli/seed.js')], { cwd: ROOT, env: { ...process.env, TISCHRUNDE_DATA_DIR: dataDir }, encoding: 'utf8' })
  expect(seeded.stdout, seeded.stderr).toContain('(koeln-2018) angelegt')
  server = await startServerProcess({ dataDir, env: { TISCHRUNDE_NO_DEMO: '1', TISCHRUNDE_PROGRAMME_CLOCK: CLOCK } })
  browser = await launchBrowser()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

describe("a workshop's own board, in real browsers", () => {
  it('collects the cards of those who booked the workshop; the console moderates them; the documentation has them under the workshop', async () => {
    const list = (await (await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${server.adminKey}` } })).json()) as EventListItem[]
    const link = list.find((e) => e.id === 'koeln-2018')!.facilitatorLink
    const token = decodeURIComponent(link.slice(link.indexOf('#k=') + 3))
    const view = (await (await fetch(`${server.url}/api/events/koeln-2018`, { headers: { authorization: `Bearer ${token}` } })).json()) as FacilitatorEventView

    // The phone books workshop 5 and opens its board from "Ihre Workshops".
    const phone = await (await browser.newContext(PHONE)).newPage()
    await phone.goto(`${server.url}${view.links.participant}`)
    await phone.getByRole('button', { name: `Workshop 5 wählen: ${WORKSHOP_5}` }).click()
    await phone.getByRole('button', { name: 'Ergebnisse sammeln – Workshop 5' }).click()
    const board = phone.getByTestId('workshop-board')
    await board.getByRole('heading', { name: `Ergebnisse von Workshop 5: ${WORKSHOP_5}` }).waitFor()
    const add = async (column: string, text: string) => {
      await board.getByRole('radio', { name: column }).check()
      await board.getByLabel('Ihre Karte').fill(text)
      await board.getByRole('button', { name: 'Karte senden' }).click()
      await board.getByRole('list', { name: column }).getByText(text, { exact: true }).waitFor()
    }
    await add('Ergebnisse', 'Patenschaften zwischen Betrieben und Schulen')
    await add('Offene Fragen', 'Wer koordiniert die Praktika?')
    await add('Ergebnisse', 'Testkarte, bitte löschen')
    expect(await axeViolations(phone)).toEqual([])

    // The console picks workshop 5, sees the cards live, and removes one.
    const consolePage = await (await browser.newContext(PROJECTOR)).newPage()
    await consolePage.goto(`${server.url}${view.links.facilitator}`)
    const results = consolePage.locator('.programme-results')
    await results.getByLabel('Workshop').selectOption({ label: `Workshop 5: ${WORKSHOP_5}` })
    const consoleBoard = results.getByTestId('workshop-board')
    await consoleBoard.getByRole('list', { name: 'Offene Fragen' }).getByText('Wer koordiniert die Praktika?', { exact: true }).waitFor()
    await consoleBoard.getByRole('button', { name: 'Karte „Testkarte, bitte löschen“ löschen' }).click()
    await consoleBoard.getByRole('button', { name: 'Löschen', exact: true }).click()
    // The phone sees the card go.
    await expect.poll(() => board.getByRole('list', { name: 'Ergebnisse' }).getByText('Testkarte, bitte löschen', { exact: true }).count(), { timeout: 15_000 }).toBe(0)

    // The documentation has workshop 5's results under the workshop, without the removed card.
    const md = await (await fetch(`${server.url}/api/events/koeln-2018/export?format=md`, { headers: { authorization: `Bearer ${token}` } })).text()
    const chapter = md.slice(md.indexOf(`## Workshop 5: ${WORKSHOP_5}`))
    expect(chapter).toMatch(/#### Ergebnisse\s+- Patenschaften zwischen Betrieben und Schulen\s+#### Offene Fragen\s+- Wer koordiniert die Praktika\?/)
    expect(md).not.toContain('Testkarte')

    // The phone's Back leads from the board to the programme, not out of the event; "Zurück zum Programm" as well.
    await phone.goBack()
    await phone.getByRole('button', { name: 'Ergebnisse sammeln – Workshop 5' }).waitFor({ timeout: 5000 })
    expect(phone.url()).toContain(server.url)
    await phone.getByRole('button', { name: 'Ergebnisse sammeln – Workshop 5' }).click()
    await board.waitFor()
    await phone.getByRole('button', { name: 'Zurück zum Programm' }).click()
    await phone.getByRole('button', { name: 'Ergebnisse sammeln – Workshop 5' }).waitFor({ timeout: 5000 })
    // No step of the board is left behind: the next Back leaves the programme.
    await phone.goBack()
    await expect.poll(() => phone.getByRole('button', { name: 'Ergebnisse sammeln – Workshop 5' }).count()).toBe(0)
  }, 120_000)
})
