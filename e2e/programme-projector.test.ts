import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventListItem, FacilitatorEventView, Programme } from '@tischrunde/shared'
import { PROJECTOR, launchBrowser } from './support/browser.js'
import { facilitatorSocket } from './support/facilitator.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** The Köln day (seed 000), 11:45: Arbeitsphase I runs in five rooms, the lunch break comes next. */
const CLOCK = '2018-06-19T11:45:00+02:00'
/** Where the screenshot of the view goes, to look at (TISCHRUNDE_SCREENSHOTS=<folder>). */
const SHOTS = process.env.TISCHRUNDE_SCREENSHOTS

let server: ServerProcess
let browser: Browser

/** A server with the Köln day (seed 000) seeded, its programme clock standing at `clock`. */
async function kolnServer(clock: string): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tischrunde-e2e-programme-projector-'))
  const seeded = spawnSync(process.execPath, [path.join(ROOT, 'server/dist/cli/seed.js')], { cwd: ROOT, env: { ...process.env, TISCHRUNDE_DATA_DIR: dataDir }, encoding: 'utf8' })
  expect(seeded.stdout, seeded.stderr).toContain('(koeln-2018) angelegt')
  return startServerProcess({ dataDir, env: { TISCHRUNDE_NO_DEMO: '1', TISCHRUNDE_PROGRAMME_CLOCK: clock } })
}

/** The Köln day's projector on `on`, at 1920×1080. */
async function kolnProjector(on: ServerProcess): Promise<Page> {
  const list = (await (await fetch(`${on.url}/api/events`, { headers: { authorization: `Bearer ${on.adminKey}` } })).json()) as EventListItem[]
  const link = list.find((e) => e.id === 'koeln-2018')!.facilitatorLink
  const token = decodeURIComponent(link.slice(link.indexOf('#k=') + 3))
  const view = (await (await fetch(`${on.url}/api/events/koeln-2018`, { headers: { authorization: `Bearer ${token}` } })).json()) as FacilitatorEventView
  const page = await (await browser.newContext(PROJECTOR)).newPage()
  await page.goto(`${on.url}${view.links.projector}`)
  return page
}

beforeAll(async () => {
  server = await kolnServer(CLOCK)
  browser = await launchBrowser()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

describe("the projector's programme view, read from the back of a hall", () => {
  it('shows what runs now in large type, every room of the running phase and the whole day, all on one 1920×1080 screen', async () => {
    const page = await kolnProjector(server)

    const now = page.getByTestId('programme-now')
    await expect.poll(() => now.innerText()).toMatch(/jetzt\s+Arbeitsphase I: Praxisbeispiele und Erfahrungsaustausch\s+11:30 – 13:00 Uhr/i)
    expect(await page.getByTestId('programme-next').innerText()).toMatch(/als Nächstes\s+Arbeitsphase II/i)
    // Per room: the five workshops of the running phase.
    expect(await page.locator('.programme-rooms > li').count()).toBe(5)
    // The running item is marked in the day's list (for screen readers too), what is over set back.
    expect(await page.locator('.programme-day [aria-current="time"]').getAttribute('data-item')).toBe('arbeitsphase-i')
    expect(await page.locator('.programme-day .is-over').count()).toBe(3)

    // Large type: the running item's title at least 50 px (a line a hall can read at 15 m), the next one's at least 36 px,
    // the rooms and the day's list at least 18 px.
    const px = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(await px("[data-testid='programme-now'] .programme-slot-title")).toBeGreaterThanOrEqual(50)
    expect(await px("[data-testid='programme-next'] .programme-slot-title")).toBeGreaterThanOrEqual(36)
    expect(await px('.programme-rooms p')).toBeGreaterThanOrEqual(28)
    expect(await px('.programme-projector-workshops li')).toBeGreaterThanOrEqual(18)
    // Everything on one screen: a projector cannot scroll.
    const bottom = (selector: string) => page.locator(selector).last().evaluate((el) => el.getBoundingClientRect().bottom)
    expect(await bottom('.programme-rooms > li')).toBeLessThanOrEqual(1080)
    expect(await bottom('.programme-day > .programme-item')).toBeLessThanOrEqual(1080)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920)
    // How to sign up, from the hall: the QR code and the event's code, whole on the screen.
    const join = page.getByRole('region', { name: 'Mit dem Handy für Workshops anmelden' })
    await join.getByRole('img', { name: /QR-Code/ }).waitFor()
    expect(await join.locator('.join-code-small [aria-hidden="true"]').innerText()).toMatch(/^[A-Z0-9]{4,8}$/)
    // For those who cannot scan: the address to type, on the screen (it was only in the QR image's alt text).
    expect(await join.locator('.join-url-small').innerText()).toMatch(/^127\.0\.0\.1:\d+\/j\/[A-Z0-9]{4,8}$/)
    expect(await join.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(1080)
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'programme-projector-1920.png') })
  }, 90_000)

  it('stays readable on a 1280×720 projector: the day list no smaller than 16 px, everything on the screen', async () => {
    // The walk's beamer: the day list was 10.5 px, unreadable beyond the first rows of a hall.
    const page = await kolnProjector(server)
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.getByTestId('programme-now').waitFor()
    const px = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    await expect.poll(() => px('.programme-day .programme-item h2'), { timeout: 10_000 }).toBeGreaterThanOrEqual(16)
    expect(await px("[data-testid='programme-now'] .programme-slot-title")).toBeGreaterThanOrEqual(32)
    expect(await px('.programme-rooms p')).toBeGreaterThanOrEqual(18)
    // Every workshop still named on the screen: the running phase's per room, the coming phase's in the day list.
    for (const n of [1, 2, 3, 4, 5]) expect(await page.locator(`.programme-rooms [data-workshop="${n}"]`).count()).toBe(1)
    expect(await page.locator('.programme-day [data-item="arbeitsphase-ii"] [data-workshop]').count()).toBeGreaterThan(0)
    const bottom = (selector: string) => page.locator(selector).evaluateAll((els) => Math.max(...els.map((el) => el.getBoundingClientRect().bottom)))
    expect(await bottom('.programme-rooms > li')).toBeLessThanOrEqual(720)
    expect(await bottom('.programme-day > .programme-item')).toBeLessThanOrEqual(720)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
    // The address to type breaks before its path in the narrow corner, never inside the code.
    expect(await page.locator('.programme-projector-join .join-url-path').evaluate((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size)).toBe(1)
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'programme-projector-1280.png') })
  }, 90_000)

  it('keeps every room of a running phase on the screen when the rooms are named and the day moved later', async () => {
    // Rooms "Saal 1" … for every workshop, and the day 15 minutes later: the walk's 11:45.
    const list = (await (await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${server.adminKey}` } })).json()) as EventListItem[]
    const link = list.find((e) => e.id === 'koeln-2018')!.facilitatorLink
    const console_ = await facilitatorSocket(server.url, decodeURIComponent(link.slice(link.indexOf('#k=') + 3)))
    try {
      const state = (await console_.socket.emitWithAck('programme:get', {})) as { ok: true; data: { programme: Programme; version: number } }
      const { programme, version } = state.data
      const items = programme.items.map((item) => ({ ...item, workshops: item.workshops.map((w, i) => ({ ...w, room: `Saal ${i + 1}` })) }))
      expect(await console_.socket.emitWithAck('programme:save', { programme: { ...programme, items }, expectedVersion: version })).toMatchObject({ ok: true })
      expect(await console_.socket.emitWithAck('programme:shift', { minutes: 15 })).toMatchObject({ ok: true })
      const page = await kolnProjector(server)
      await page.locator('.programme-rooms > li').nth(4).getByText('Saal 5', { exact: false }).waitFor({ timeout: 10_000 })
      // Every room whole on the screen (the type a little smaller if it must be), none below its edge.
      await expect.poll(() => page.locator('.programme-rooms > li').evaluateAll((rows) => Math.max(...rows.map((r) => r.getBoundingClientRect().bottom))), { timeout: 10_000 }).toBeLessThanOrEqual(1080)
      expect(await page.locator('.programme-rooms p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(20)
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'programme-projector-rooms.png') })
    } finally {
      await console_.socket.emitWithAck('programme:shift', { minutes: -15 })
      console_.close()
    }
  }, 90_000)

  it('shows, in the break before a work phase, where each of its workshops is, with the sign-up code whole on the screen', async () => {
    // A day of its own, at 11:20: the coffee break, Arbeitsphase I at 11:30; every workshop in a
    // room, one of them with a long name (the walk's day: the QR code went below the screen's edge,
    // the long room pushed its workshop's title out).
    const breakServer = await kolnServer('2018-06-19T11:20:00+02:00')
    const list = (await (await fetch(`${breakServer.url}/api/events`, { headers: { authorization: `Bearer ${breakServer.adminKey}` } })).json()) as EventListItem[]
    const link = list.find((e) => e.id === 'koeln-2018')!.facilitatorLink
    const console_ = await facilitatorSocket(breakServer.url, decodeURIComponent(link.slice(link.indexOf('#k=') + 3)))
    try {
      const state = (await console_.socket.emitWithAck('programme:get', {})) as { ok: true; data: { programme: Programme; version: number } }
      const { programme, version } = state.data
      const room = (i: number) => (i === 4 ? 'Raum 2.02 (Dachgeschoss, Zugang über Treppenhaus B)' : `Raum ${i + 1}.01`)
      const items = programme.items.map((item) => ({ ...item, workshops: item.workshops.map((w, i) => ({ ...w, room: room(i) })) }))
      expect(await console_.socket.emitWithAck('programme:save', { programme: { ...programme, items }, expectedVersion: version })).toMatchObject({ ok: true })
      const page = await kolnProjector(breakServer)
      await page.getByRole('heading', { name: /^Gleich: Arbeitsphase I/ }).waitFor({ timeout: 10_000 })
      expect(await page.locator('.programme-rooms > li').count()).toBe(5)
      expect(await page.locator('.programme-rooms > li').first().innerText()).toContain('Workshop 1')
      const join = page.locator('.programme-projector-join')
      await join.locator('svg, canvas, img').first().waitFor()
      await expect.poll(() => join.evaluate((el) => el.getBoundingClientRect().bottom), { timeout: 10_000 }).toBeLessThanOrEqual(1080)
      // The long room wraps; its workshop's title keeps most of the line.
      const longRow = page.locator('.programme-rooms > li').nth(4)
      expect(await longRow.locator('p').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(await longRow.locator('.programme-room').evaluate((el) => el.getBoundingClientRect().width))
      expect(await longRow.locator('p').innerText()).toContain('Workshop 5: Von der Schule')
      // Closed at the desk: the room list and the day list say so beside "Mit dem Handy anmelden"
      // (the walk's hall scanned the code for a workshop the phone then refused).
      const [first, later] = items.filter((i) => i.workshops.length > 0)
      for (const w of [first!.workshops[1]!, later!.workshops[0]!]) expect(await console_.socket.emitWithAck('programme:workshop', { workshopId: w.id, closed: true })).toMatchObject({ ok: true })
      await expect.poll(() => page.locator('.programme-rooms > li').nth(1).innerText(), { timeout: 10_000 }).toContain('geschlossen')
      // Its own push, after the first one's: waited for as that one is.
      await expect.poll(() => page.locator(`.programme-projector-workshops li[data-workshop="${later!.workshops[0]!.number}"]`).innerText(), { timeout: 10_000 }).toContain('geschlossen')
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'programme-projector-break.png') })
    } finally {
      console_.close()
      await breakServer.stop()
      removeDir(breakServer.dataDir)
    }
  }, 90_000)

  it('before the day begins, shows the first work phase per room and the whole day on a 1280×720 projector', async () => {
    // The walk's morning: "Ankommen" next, the workshops hours away; half the screen stood empty
    // while the day list, crammed beside it at 13 px, ran below the screen's edge.
    const morning = await kolnServer('2018-06-19T08:40:00+02:00')
    try {
      const page = await kolnProjector(morning)
      await page.setViewportSize({ width: 1280, height: 720 })
      await page.getByRole('heading', { name: /^Ab 11:30 Uhr: Arbeitsphase I/ }).waitFor({ timeout: 10_000 })
      for (const n of [1, 2, 3, 4, 5]) expect(await page.locator(`.programme-rooms [data-workshop="${n}"]`).count()).toBe(1)
      const bottom = (selector: string) => page.locator(selector).evaluateAll((els) => Math.max(...els.map((el) => el.getBoundingClientRect().bottom)))
      await expect.poll(() => bottom('.programme-day > .programme-item'), { timeout: 10_000 }).toBeLessThanOrEqual(720)
      expect(await bottom('.programme-rooms > li')).toBeLessThanOrEqual(720)
      expect(await page.locator('.programme-rooms p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16)
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'programme-projector-morning-1280.png') })
    } finally {
      await morning.stop()
      removeDir(morning.dataDir)
    }
  }, 90_000)

  it('takes the projector keys: F for full screen, and on a day with tables 2 goes back to them', async () => {
    const list = (await (await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${server.adminKey}` } })).json()) as EventListItem[]
    const link = list.find((e) => e.id === 'winnenden')!.facilitatorLink
    const token = decodeURIComponent(link.slice(link.indexOf('#k=') + 3))
    const view = (await (await fetch(`${server.url}/api/events/winnenden`, { headers: { authorization: `Bearer ${token}` } })).json()) as FacilitatorEventView
    const page = await (await browser.newContext(PROJECTOR)).newPage()
    try {
      await page.goto(`${server.url}${view.links.projector.replace('#', '?mode=programm#')}`)
      await page.locator('.programme-projector').waitFor({ timeout: 15_000 })
      await page.keyboard.press('f')
      await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true)
      await page.keyboard.press('2')
      await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('wall')
      await page.locator('.programme-projector').waitFor({ state: 'detached' })
    } finally {
      await page.context().close()
    }
  })
})
