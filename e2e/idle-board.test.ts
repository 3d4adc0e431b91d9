import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { socketTimeline } from './support/web-sockets.js'

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

/** The page's board sockets as its own scripts see them (counted in the page, so nothing is missed). */
interface BoardSockets {
  opened: number
  /** Sockets whose handshake completed (the `open` event). */
  connected: number
  closed: number
  /** When the page last received a message on a board socket (its clock, ms). */
  lastMessage: number
  /** The longest time between two messages, or between the opening and the first, since the last reset. */
  longest: number
}

/**
 * Runs in the page before its scripts: wraps `WebSocket` so that every board socket counts its
 * opening and closing and times the gaps between the messages it receives, as the y-websocket
 * client's own timeout check does. (Playwright's frame events were the first measure; on a busy CI
 * machine they once reported no frame at all on a socket that stayed open, so the page counts.)
 */
function recordBoardSockets() {
  const Native = window.WebSocket
  const seen = { opened: 0, connected: 0, closed: 0, lastMessage: 0, longest: 0 }
  ;(window as unknown as { boardSockets: BoardSockets }).boardSockets = seen
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      if (!new URL(String(url), window.location.href).pathname.startsWith('/yjs/board.')) return
      seen.opened++
      seen.lastMessage = Date.now()
      this.addEventListener('message', () => {
        const now = Date.now()
        seen.longest = Math.max(seen.longest, now - seen.lastMessage)
        seen.lastMessage = now
      })
      this.addEventListener('open', () => void seen.connected++)
      this.addEventListener('close', () => void seen.closed++)
    }
  }
}

const boardSockets = (page: Page): Promise<BoardSockets> => page.evaluate(() => ({ ...(window as unknown as { boardSockets: BoardSockets }).boardSockets }))

/** Starts a new measure of the longest silence (a silence already running counts whole). */
const resetLongest = (page: Page) => page.evaluate(() => void ((window as unknown as { boardSockets: BoardSockets }).boardSockets.longest = 0))

/** The longest silence since the reset, counting the one still running. */
const longestSilence = (page: Page) =>
  page.evaluate(() => {
    const seen = (window as unknown as { boardSockets: BoardSockets }).boardSockets
    return Math.max(seen.longest, Date.now() - seen.lastMessage)
  })

/** A page that counts its board sockets from its start. */
async function watchedPage(context: BrowserContext): Promise<Page> {
  await context.addInitScript(recordBoardSockets)
  return context.newPage()
}

describe('a board nobody writes to', () => {
  it('keeps an idle phone and projector connected: the server speaks on their board sockets before a client timeout could run out', async () => {
    const { server, browser, created } = cafe
    const phone = await watchedPage(await browser.newContext(PHONE))
    const phoneTimeline = socketTimeline(phone)
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: 'Wohnen' }).click()
    await phone.getByLabel('Deine Karte').waitFor()

    const projector = await watchedPage(await browser.newContext(PROJECTOR))
    const projectorTimeline = socketTimeline(projector)
    await projector.goto(`${server.url}${created.links.projector.replace('#', '?table=wohnen#')}`)
    await projector.getByText('Wohnen').first().waitFor()
    await expect.poll(async () => (await boardSockets(phone)).opened + (await boardSockets(projector)).opened, { timeout: 15_000 }).toBe(2)

    // The longest silence on either board socket while nobody writes, as the client's own timeout
    // check sees it.
    await Promise.all([resetLongest(phone), resetLongest(projector)])
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS))
    const longest = Math.max(await longestSilence(phone), await longestSilence(projector))
    const [onPhone, onProjector] = [await boardSockets(phone), await boardSockets(projector)]
    // On a failure: what each page counted and what its sockets did.
    const story = `phone ${JSON.stringify(onPhone)}\n${phoneTimeline()}\nprojector ${JSON.stringify(onProjector)}\n${projectorTimeline()}`

    // Still the first connection each, never closed, never quiet for a scaled client timeout, and
    // nothing on screen says "offline".
    expect({ phone: onPhone.opened, projector: onProjector.opened }, story).toEqual({ phone: 1, projector: 1 })
    expect({ phone: onPhone.connected, projector: onProjector.connected }, story).toEqual({ phone: 1, projector: 1 })
    expect({ phone: onPhone.closed, projector: onProjector.closed }, story).toEqual({ phone: 0, projector: 0 })
    expect(longest, story).toBeLessThan(2 * KEEPALIVE_MS)
    expect(await phone.getByText('Offline', { exact: false }).count()).toBe(0)
    // And the quiet connection still carries a card at once.
    await phone.getByLabel('Deine Karte').fill('Nach langer Stille')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await projector.locator('.projector-stage').getByText('Nach langer Stille').waitFor({ timeout: 5000 })
  })
})
