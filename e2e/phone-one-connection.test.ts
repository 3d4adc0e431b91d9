import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { watchSockets } from './support/web-sockets.js'

/**
 * A phone seated at a table holds one connection: its board's socket also carries the control
 * plane (event and round state, votes, presence). Only a phone that sits nowhere uses Socket.IO.
 */
let cafe: Cafe
beforeAll(async () => {
  cafe = await openCafe({ title: 'Eine Verbindung pro Telefon', tableNames: ['Sprache', 'Arbeit'] })
}, 60_000)
afterAll(async () => {
  await closeCafe(cafe)
})

describe('a phone seated at a table', () => {
  it('opens one WebSocket after a reload and still gets rounds, votes and presence over it', async () => {
    const { server, browser, created } = cafe
    const console_ = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage()
    await console_.goto(`${server.url}${created.links.facilitator}`)

    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    let sockets = watchSockets(phone)
    await phone.goto(`${server.url}${created.links.participant}`)
    // At the table choice the phone sits nowhere: after a moment it connects over Socket.IO.
    await phone.getByRole('button', { name: 'Sprache', exact: true }).waitFor()
    await expect.poll(() => sockets.open(), { timeout: 15_000 }).toEqual(['socket.io'])
    const card = `Sprachcafé am Abend ${Math.random().toString(36).slice(2, 6)}`
    await phone.getByRole('button', { name: 'Sprache', exact: true }).click()
    await phone.getByLabel('Deine Karte').fill(card)
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.locator('.card-list').getByText(card).waitFor()
    // Seated: the board's socket carries the control plane, Socket.IO closes.
    await expect.poll(() => sockets.open().filter((k) => k === 'board' || k === 'socket.io'), { timeout: 10_000 }).toEqual(['board'])
    expect(sockets.controls()).toBe(1)

    // After a reload the phone knows its seat: one WebSocket, never Socket.IO.
    sockets = watchSockets(phone)
    await phone.reload()
    await phone.locator('.card-list').getByText(card).waitFor({ timeout: 10_000 })
    await console_.locator('[data-presence-table="sprache"]').getByText('1 Person am Tisch').waitFor({ timeout: 10_000 })
    // The control plane rides on the board's socket; without moderation in use no moderation doc opens.
    expect(sockets.opened()).toEqual(['board'])
    expect(sockets.controls()).toBe(1)

    // A vote opened on the console shows on the phone; the phone's dot is counted on the console.
    const panel = console_.getByRole('region', { name: 'Priorisieren mit Punkten' })
    await panel.getByLabel('Frage').fill('Was zuerst?')
    await panel.getByLabel('Worüber wird abgestimmt?').selectOption('all')
    await panel.getByLabel('Punkte pro Person').fill('2')
    await panel.getByRole('button', { name: 'Abstimmung starten' }).click()
    await phone.getByRole('heading', { name: 'Punkte vergeben' }).waitFor({ timeout: 5000 })
    await phone.getByRole('button', { name: `Punkt geben für: ${card}` }).click()
    await phone.getByText('Du hast noch 1 Punkt.').waitFor()
    await panel.getByText('1 Person hat abgestimmt').waitFor({ timeout: 5000 })
    await panel.getByRole('button', { name: 'Ergebnis festhalten' }).click()
    await phone.getByRole('heading', { name: 'Punkte vergeben' }).waitFor({ state: 'detached', timeout: 5000 })

    // The console's timer change reaches the phone's timer within a second of the console's.
    await console_.getByLabel('Auf Minuten setzen').fill('7')
    await console_.getByRole('button', { name: 'Setzen', exact: true }).click()
    const timerAtMost = (page: Page, seconds: number) =>
      page.waitForFunction((s) => Number(document.querySelector('[role="timer"]')?.getAttribute('data-seconds-left') ?? Infinity) <= s, seconds, { timeout: 10_000 }).then(() => Date.now())
    const [consoleTimer, phoneTimer] = await Promise.all([timerAtMost(console_, 7 * 60), timerAtMost(phone, 7 * 60)])
    console.log(`timer on the phone ${phoneTimer - consoleTimer} ms after the console`)
    expect(phoneTimer - consoleTimer).toBeLessThan(1000)
    // The next station too (the phone then loads the rotation screen's code).
    await console_.getByRole('button', { name: 'Weiter: Station 2' }).click()
    const [onConsole, onPhone] = await Promise.all([
      console_.getByRole('button', { name: 'Weiter: Station 3' }).waitFor({ timeout: 10_000 }).then(() => Date.now()),
      phone.getByRole('heading', { name: 'Jetzt beginnt: Station 2' }).waitFor({ timeout: 10_000 }).then(() => Date.now()),
    ])
    console.log(`next station on the phone ${onPhone - onConsole} ms after the console`)
    expect(onPhone - onConsole).toBeLessThan(2000)
    // Still the one connection, and nothing else ever since the reload.
    expect(sockets.open()).toEqual(['board'])
    expect(sockets.opened()).toEqual(['board'])
    await context.close()
    await console_.context().close()
  })
})
