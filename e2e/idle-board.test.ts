import type { Page, WebSocket } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'

/**
 * How long the phone and projector sit on a board nobody writes to. The y-websocket client drops a
 * connection after 30 s without a message, so before the server's keep-alive both reconnected ten
 * times in these five minutes. E2E_IDLE_MS shortens it for a quick local run (at least 35 s: one
 * whole client timeout must pass to prove anything).
 */
const IDLE_MS = Math.max(35_000, Number(process.env.E2E_IDLE_MS ?? 5 * 60_000))

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Stille Runde', tableNames: ['Wohnen'] })
})
afterAll(() => closeCafe(cafe))

/**
 * Board sockets a page opens and the ones that closed, counted from the browser's side (the docs
 * beside the board — moderation state, actor map — are watched the same way but not counted).
 */
function watchBoardSockets(page: Page): { opened: number; closed: number } {
  const seen = { opened: 0, closed: 0 }
  page.on('websocket', (ws: WebSocket) => {
    if (!new URL(ws.url()).pathname.startsWith('/yjs/board.')) return
    seen.opened++
    ws.on('close', () => seen.closed++)
  })
  return seen
}

describe('a board nobody writes to', () => {
  it(`keeps an idle phone and projector connected for ${Math.round(IDLE_MS / 1000)} s`, { timeout: IDLE_MS + 90_000 }, async () => {
    const { server, browser, created } = cafe
    const phone = await (await browser.newContext(PHONE)).newPage()
    const phoneSockets = watchBoardSockets(phone)
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: 'Wohnen' }).click()
    await phone.getByLabel('Deine Karte').waitFor()

    const projector = await (await browser.newContext(PROJECTOR)).newPage()
    const projectorSockets = watchBoardSockets(projector)
    await projector.goto(`${server.url}${created.links.projector.replace('#', '?table=wohnen#')}`)
    await projector.getByText('Wohnen').first().waitFor()
    await expect.poll(() => phoneSockets.opened + projectorSockets.opened, { timeout: 15_000 }).toBe(2)

    await new Promise((resolve) => setTimeout(resolve, IDLE_MS))

    // Still the first connection each, never closed, and nothing on screen says "offline".
    expect({ phone: phoneSockets, projector: projectorSockets }).toEqual({ phone: { opened: 1, closed: 0 }, projector: { opened: 1, closed: 0 } })
    expect(await phone.getByText('Offline', { exact: false }).count()).toBe(0)
    // And the quiet connection still carries a card at once.
    await phone.getByLabel('Deine Karte').fill('Nach langer Stille')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await projector.getByText('Nach langer Stille').waitFor({ timeout: 5000 })
  })
})
