import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from './support/axe.js'
import type { EventListItem, FacilitatorEventView } from '@tischrunde/shared'
import { PHONE, launchBrowser } from './support/browser.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** The Winnenden day (seed 003), 10:50: the first station of the café runs, the second comes next. */
const CLOCK = '2019-07-02T10:50:00+02:00'


let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tischrunde-e2e-programme-entry-'))
  const seeded = spawnSync(process.execPath, [path.join(ROOT, 'server/dist/cli/seed.js')], { cwd: ROOT, env: { ...process.env, TISCHRUNDE_DATA_DIR: dataDir }, encoding: 'utf8' })
  expect(seeded.stdout, seeded.stderr).toContain('(winnenden) angelegt')
  server = await startServerProcess({ dataDir, env: { TISCHRUNDE_NO_DEMO: '1', TISCHRUNDE_PROGRAMME_CLOCK: CLOCK } })
  browser = await launchBrowser()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

async function viewOf(id: string): Promise<FacilitatorEventView> {
  const list = (await (await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${server.adminKey}` } })).json()) as EventListItem[]
  const link = list.find((e) => e.id === id)!.facilitatorLink
  const token = decodeURIComponent(link.slice(link.indexOf('#k=') + 3))
  return (await (await fetch(`${server.url}/api/events/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as FacilitatorEventView
}

describe('the café phone and the programme (Winnenden: an agenda from before the programme)', () => {
  it('shows what is on now and next on the start on the day, and reaches the whole programme with one tap from the table and back', async () => {
    const view = await viewOf('winnenden')
    // The phone's own clock shows the event's day too (the start shows the programme only then).
    const context = await browser.newContext(PHONE)
    await context.clock.install({ time: new Date(CLOCK) })
    const phone = await context.newPage()
    await phone.goto(`${server.url}${view.links.participant}`)

    // The start (choose a table) shows the day at a glance, by the event's clock.
    const glance = phone.getByTestId('programme-glance')
    await glance.getByTestId('programme-now').waitFor()
    expect(await glance.getByTestId('programme-now').innerText()).toMatch(/jetzt\s+Erfahrungsaustausch – Station 1\s+10:45 – 11:45 Uhr/i)
    expect(await glance.getByTestId('programme-next').innerText()).toMatch(/als Nächstes\s+Erfahrungsaustausch – Station 2/i)
    expect(await axeViolations(phone)).toEqual([])

    // At a table, "Programm" in the header opens the programme; "Zurück" returns to the table.
    await phone.locator('.table-picker').getByRole('button', { name: /Arbeitsmarktintegration/ }).click()
    await phone.getByRole('heading', { level: 1, name: 'Arbeitsmarktintegration' }).waitFor()
    await phone.locator('.phone-header').getByRole('button', { name: 'Programm', exact: true }).click()
    await phone.getByRole('heading', { level: 1, name: 'Programm' }).waitFor()
    expect(new URL(phone.url()).searchParams.has('programm')).toBe(true)
    expect(await phone.locator('.programme-items > li').count()).toBe(9)
    // A café day has no workshops to choose: no personal code to keep choices.
    expect(await phone.getByRole('textbox', { name: 'Persönlicher Code' }).count()).toBe(0)
    expect(await phone.getByTestId('programme-now').innerText()).toMatch(/Erfahrungsaustausch – Station 1/)
    expect(await axeViolations(phone)).toEqual([])
    await phone.getByRole('button', { name: 'Zurück', exact: true }).click()
    await phone.getByRole('heading', { level: 1, name: 'Arbeitsmarktintegration' }).waitFor()
    expect(new URL(phone.url()).searchParams.has('programm')).toBe(false)
    // The browser's back button goes the same way.
    await phone.locator('.phone-header').getByRole('button', { name: 'Programm', exact: true }).click()
    await phone.getByRole('heading', { level: 1, name: 'Programm' }).waitFor()
    await phone.goBack()
    await phone.getByRole('heading', { level: 1, name: 'Arbeitsmarktintegration' }).waitFor()
  }, 90_000)

  it('leaves the start without the programme on another day, with "Programm" still one tap away', async () => {
    const view = await viewOf('winnenden')
    const phone = await (await browser.newContext(PHONE)).newPage()
    await phone.goto(`${server.url}${view.links.participant}`)
    await phone.locator('.table-picker').waitFor()
    await phone.locator('.phone-header').getByRole('button', { name: 'Programm', exact: true }).waitFor()
    // Everything the start loads has loaded: no programme chunk among it.
    await phone.waitForLoadState('networkidle')
    expect(await phone.getByTestId('programme-glance').count()).toBe(0)
    expect(await phone.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('ProgrammeGlance')))).toBe(false)
  }, 60_000)
})
