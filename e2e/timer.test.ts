import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { type ServerProcess, startServerProcess } from './support/server-process.js'

let cafe: Cafe
let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

beforeAll(async () => {
  cafe = await openCafe({ title: 'Uhrentest', tableNames: ['Tisch A'] })
  ;({ server, browser, created } = cafe)
})

afterAll(async () => {
  cafe.server = server // a test may have restarted the server
  await closeCafe(cafe)
})

const FIVE_MINUTES = 5 * 60_000

/** A phone whose own clock runs `skewMs` ahead of the real time. */
async function skewedPhone(skewMs: number): Promise<Page> {
  const context = await browser.newContext(PHONE)
  await context.addInitScript((skew: number) => {
    const realNow = Date.now
    const RealDate = Date
    Date.now = () => realNow() + skew
    // `new Date()` follows the same skewed clock.
    globalThis.Date = class extends RealDate {
      constructor(...args: ConstructorParameters<typeof Date>) {
        super(...((args.length ? args : [realNow() + skew]) as ConstructorParameters<typeof Date>))
      }
      static override now = () => realNow() + skew
    } as DateConstructor
  }, skewMs)
  const page = await context.newPage()
  await page.goto(`${server.url}${created.links.participant}`)
  await page.getByRole('button', { name: 'Tisch A' }).click()
  return page
}

async function secondsLeft(page: Page): Promise<number> {
  const timer = page.getByRole('timer')
  await timer.waitFor()
  return Number(await timer.getAttribute('data-seconds-left'))
}

describe('the round timer', () => {
  it('shows the same remaining seconds on screens whose clocks differ by five minutes, also after a server restart', async () => {
    const early = await skewedPhone(-FIVE_MINUTES)
    const late = await skewedPhone(FIVE_MINUTES)
    const projector = await (await browser.newContext(PROJECTOR)).newPage()
    await projector.goto(`${server.url}${created.links.projector}`)

    const readAll = () => Promise.all([secondsLeft(early), secondsLeft(late)])
    const [a, b] = await readAll()
    expect(a).toBeGreaterThan(19 * 60)
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1)

    // The server dies mid-round and comes back on another port: the timer goes on where it was.
    await server.stop('SIGKILL')
    server = await startServerProcess({ dataDir: server.dataDir, env: { TISCHRUNDE_NO_DEMO: '1' } })
    const again = await skewedPhone(FIVE_MINUTES)
    const after = await secondsLeft(again)
    expect(Math.abs(after - a)).toBeLessThanOrEqual(15) // a few seconds passed during the restart
    expect(after).toBeLessThanOrEqual(a)
  })
})
