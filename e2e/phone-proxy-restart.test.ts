import { createServer } from 'node:http'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { type ServerProcess, startServerProcess } from './support/server-process.js'

let cafe: Cafe
let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

beforeAll(async () => {
  cafe = await openCafe({ title: 'Neustart hinter dem Proxy', tableNames: ['Wohnen'] })
  ;({ server, browser, created } = cafe)
})
afterAll(async () => {
  cafe.server = server // restarted in the test
  await closeCafe(cafe)
})

/** What nginx answers on the server's address while Tischrunde restarts: 502 for everything. */
function badGateway(port: number) {
  const proxy = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>'))
  return new Promise<typeof proxy>((resolve) => proxy.listen(port, '127.0.0.1', () => resolve(proxy)))
}

describe('a phone reloaded while the proxy in front answers for a restarting server', () => {
  it('opens the app from the phone instead of the proxy’s error page', async () => {
    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: 'Wohnen' }).click()
    await phone.getByLabel('Deine Karte').waitFor()
    await phone.evaluate(() => navigator.serviceWorker.ready)
    await phone.reload()
    await phone.getByLabel('Deine Karte').waitFor()
    // Tischrunde restarts; the proxy in front answers every request "502 Bad Gateway".
    await server.stop('SIGKILL')
    const proxy = await badGateway(Number(new URL(server.url).port))
    try {
      await phone.reload()
      await phone.getByLabel('Deine Karte').waitFor({ timeout: 10_000 })
    } finally {
      proxy.closeAllConnections()
      await new Promise((resolve) => proxy.close(resolve))
      server = await startServerProcess({ dataDir: server.dataDir, env: { TISCHRUNDE_NO_DEMO: '1', PORT: new URL(server.url).port } })
    }
    // Back: the phone that opened from its own copy saves the next card.
    await phone.getByLabel('Deine Karte').fill('Nach dem Neustart')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.locator('.card', { hasText: 'Nach dem Neustart' }).getByText('gespeichert').waitFor({ timeout: 20_000 })
    await context.close()
  })
})
