import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Ack, type EventListItem, type FacilitatorEventView, type ProgrammeView, type Roster, WIRE_VERSION } from '@tischrunde/shared'
import { PHONE, launchBrowser } from './support/browser.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const KOELN = 'koeln-2018'
/** The Köln day (seed 000), 12:15: Arbeitsphase I runs. */
const CLOCK = '2018-06-19T12:15:00+02:00'
const WORKSHOP_5 = 'Von der Schule in den Beruf – den Übergang gemeinsam stemmen'

let server: ServerProcess
let browser: Browser
let view: FacilitatorEventView
let facilitator: Socket

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tischrunde-e2e-workshop-switch-'))
  const seeded = spawnSync(process.execPath, [path.join(ROOT, 'server/dist/cli/seed.js')], { cwd: ROOT, env: { ...process.env, TISCHRUNDE_DATA_DIR: dataDir }, encoding: 'utf8' })
  expect(seeded.stdout, seeded.stderr).toContain(`(${KOELN}) angelegt`)
  server = await startServerProcess({ dataDir, env: { TISCHRUNDE_NO_DEMO: '1', TISCHRUNDE_PROGRAMME_CLOCK: CLOCK } })
  browser = await launchBrowser()
  const list = (await (await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${server.adminKey}` } })).json()) as EventListItem[]
  const link = list.find((e) => e.id === KOELN)!.facilitatorLink
  const token = decodeURIComponent(link.slice(link.indexOf('#k=') + 3))
  view = (await (await fetch(`${server.url}/api/events/${KOELN}`, { headers: { authorization: `Bearer ${token}` } })).json()) as FacilitatorEventView
  facilitator = io(server.url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'] })
  await new Promise<void>((resolve, reject) => (facilitator.once('connect', resolve), facilitator.once('connect_error', reject)))
}, 60_000)

afterAll(async () => {
  facilitator?.disconnect()
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

const send = async <T>(name: string, payload: unknown): Promise<T> => {
  const ack = (await facilitator.emitWithAck(name, payload)) as Ack & { data?: T }
  if (!ack.ok) throw new Error(`${name}: ${JSON.stringify(ack)}`)
  return ack.data as T
}

/** The phone's sockets to a doc, as the browser sees them: how many opened, how many are still open. */
function watchDocSockets(page: Page, docName: string) {
  let opened = 0
  let open = 0
  page.on('websocket', (ws) => {
    if (!ws.url().includes(`/yjs/${docName}`)) return
    opened++
    open++
    ws.on('close', () => open--)
  })
  return { opened: () => opened, open: () => open }
}

describe('a workshop board on the phone follows the booking', () => {
  it('closes the old board’s connection when the person changes workshops, and when the organiser moves them while it is open', async () => {
    const programme = await send<ProgrammeView>('programme:get', {})
    const phase = programme.programme!.items.find((i) => i.workshops.some((w) => w.title === WORKSHOP_5))!
    const ws5 = phase.workshops.find((w) => w.title === WORKSHOP_5)!
    const other = phase.workshops.find((w) => w.id !== ws5.id && !w.closed)!
    const ws5Doc = `workshop.${KOELN}.${ws5.id}`

    const phone = await (await browser.newContext(PHONE)).newPage()
    const sockets = watchDocSockets(phone, ws5Doc)
    await phone.goto(`${server.url}${view.links.participant}`)
    await phone.getByRole('button', { name: `Workshop 5 wählen: ${WORKSHOP_5}` }).click()
    const openBoard = phone.getByRole('button', { name: 'Ergebnisse sammeln – Workshop 5' })
    await openBoard.click()
    const board = phone.getByTestId('workshop-board')
    await board.getByRole('heading', { name: `Ergebnisse von Workshop 5: ${WORKSHOP_5}` }).waitFor()
    await expect.poll(() => sockets.open()).toBe(1)

    // Back to the programme and on to another workshop: the old board's connection is closed.
    await phone.getByRole('button', { name: 'Zurück zum Programm' }).click()
    await phone.getByRole('button', { name: `Workshop ${other.number} wählen: ${other.title}` }).click()
    await phone.getByTestId('my-workshops').getByText(`Workshop ${other.number}: ${other.title}`, { exact: true }).waitFor()
    await expect.poll(() => sockets.open()).toBe(0)

    // Back to workshop 5, its board open: the organiser moves the person out of it.
    await phone.getByRole('button', { name: `Workshop 5 wählen: ${WORKSHOP_5}` }).click()
    await openBoard.click()
    await board.getByRole('heading', { name: `Ergebnisse von Workshop 5: ${WORKSHOP_5}` }).waitFor()
    await expect.poll(() => sockets.open()).toBe(1)
    // Half a card typed, not sent, when the organiser's move comes.
    await board.getByRole('textbox').first().fill('Patenschaften weiter')
    const roster = await send<Roster>('programme:roster', {})
    const person = roster[ws5.id]![0]!.participantId
    await send('programme:move', { participantId: person, phaseId: phase.id, workshopId: other.id })

    // The phone leaves the board, says why (with the text it had not sent, to copy), and keeps no
    // connection to it (nor opens one again).
    const ended = phone.getByRole('status').filter({ hasText: 'Sie sind nicht mehr für Workshop 5 angemeldet, darum ist sein Board für Sie geschlossen.' })
    await ended.waitFor()
    expect(await ended.innerText()).toContain('Nicht gesendet hatten Sie:')
    expect(await ended.locator('.refused-text').innerText()).toBe('Patenschaften weiter')
    await expect.poll(() => board.count()).toBe(0)
    await expect.poll(() => sockets.open()).toBe(0)
    const openedSoFar = sockets.opened()
    await phone.getByTestId('my-workshops').getByText(`Workshop ${other.number}: ${other.title}`, { exact: true }).waitFor()
    expect(sockets.opened()).toBe(openedSoFar)
    // At the phase, the phone says the moderation placed the person (and where), and asks nobody
    // placed there to reconsider (the hint for a popular workshop).
    const placed = phone.getByRole('status').filter({ hasText: `Die Moderation hat Sie in Workshop ${other.number} eingetragen` })
    await placed.waitFor()
    if (other.room) expect(await placed.innerText()).toContain(other.room)
    expect(await phone.getByTestId('programme-hint').count()).toBe(0)
    await phone.context().close()
  }, 120_000)
})
