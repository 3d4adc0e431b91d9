import type { Page, WebSocket } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'

/**
 * A phone and a projector on a board nobody writes to. The y-websocket client in the browser drops
 * a connection after 30 s without a message; before the server's keep-alive both reconnected every
 * 30 s. Waiting that out took five minutes; the same claim at scale: the server's keep-alive at
 * 1.5 s (the default's 15 s is half the client's timeout: the same ratio), the board idle for five
 * intervals, and each page's board socket never silent for as long as a scaled client timeout
 * (twice the interval). That the default itself stays well below the client's timeout and common
 * proxies' idle timeouts: server/test/faults/idle-boards.test.ts.
 */
const KEEPALIVE_MS = 1500
const IDLE_MS = 5 * KEEPALIVE_MS

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Stille Runde', tableNames: ['Wohnen'] }, { TISCHRUNDE_BOARD_KEEPALIVE_MS: String(KEEPALIVE_MS) })
})
afterAll(() => closeCafe(cafe))

interface Watched {
  opened: number
  closed: number
  /** Time of the last frame the page received on its board socket. */
  lastFrame: number
}

/**
 * Board sockets a page opens and the ones that closed, counted from the browser's side, with the
 * time of the last frame received (the docs beside the board — moderation state, actor map — are
 * watched the same way but not counted).
 */
function watchBoardSockets(page: Page): Watched {
  const seen: Watched = { opened: 0, closed: 0, lastFrame: 0 }
  page.on('websocket', (ws: WebSocket) => {
    if (!new URL(ws.url()).pathname.startsWith('/yjs/board.')) return
    seen.opened++
    ws.on('framereceived', () => (seen.lastFrame = Date.now()))
    ws.on('close', () => seen.closed++)
  })
  return seen
}

describe('a board nobody writes to', () => {
  it('keeps an idle phone and projector connected: the server speaks on their board sockets before a client timeout could run out', async () => {
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

    // The longest silence on either board socket while nobody writes, sampled as the client's own
    // timeout check would see it.
    let longest = 0
    const started = Date.now()
    while (Date.now() - started < IDLE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      const now = Date.now()
      longest = Math.max(longest, now - phoneSockets.lastFrame, now - projectorSockets.lastFrame)
    }

    // Still the first connection each, never closed, never quiet for a scaled client timeout, and
    // nothing on screen says "offline".
    expect({ phone: phoneSockets.opened, projector: projectorSockets.opened }).toEqual({ phone: 1, projector: 1 })
    expect({ phone: phoneSockets.closed, projector: projectorSockets.closed }).toEqual({ phone: 0, projector: 0 })
    expect(longest).toBeLessThan(2 * KEEPALIVE_MS)
    expect(await phone.getByText('Offline', { exact: false }).count()).toBe(0)
    // And the quiet connection still carries a card at once.
    await phone.getByLabel('Deine Karte').fill('Nach langer Stille')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await projector.locator('.projector-stage').getByText('Nach langer Stille').waitFor({ timeout: 5000 })
  })
})
