import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE, launchBrowser } from './support/browser.js'
import { facilitatorSocket } from './support/facilitator.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

describe('a phone that joins after the end of the event', () => {
  it('is offered the tables to look at from its first screen on, never asked where it sits', async () => {
    const res = await fetch(`${server.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
      body: JSON.stringify({ date: '2019-07-02', title: 'Nachlese', tableNames: ['Sprache', 'Arbeit'] }),
    })
    const created = (await res.json()) as CreateEventResponse
    const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
    // Start, three stations, the review, the end.
    while (facilitator.round().phase !== 'closed') {
      const before = facilitator.round().version
      expect((await facilitator.advance()).ok).toBe(true)
      for (let i = 0; i < 100 && facilitator.round().version === before; i++) await new Promise((r) => setTimeout(r, 20))
    }
    facilitator.close()

    const context = await browser.newContext(PHONE)
    const phone = await context.newPage()
    // Every heading the phone ever shows, from the first paint on.
    await phone.addInitScript(() => {
      const seen: string[] = ((window as unknown as { seenHeadings: string[] }).seenHeadings = [])
      new MutationObserver(() => {
        for (const h of document.querySelectorAll('h1, h2')) if (h.textContent && !seen.includes(h.textContent)) seen.push(h.textContent)
      }).observe(document, { childList: true, subtree: true, characterData: true })
    })
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('heading', { name: 'Welchen Tisch möchtest du ansehen?' }).waitFor()
    await phone.getByRole('button', { name: 'Sprache' }).waitFor()
    expect(await phone.getByLabel('Dein Name').count()).toBe(0)
    // Nobody takes part any more: the privacy notice is there, without "before taking part".
    await phone.getByRole('button', { name: 'Datenschutz & Impressum' }).waitFor()
    expect(await phone.getByText('Vor dem Mitmachen lesen', { exact: false }).count()).toBe(0)
    const seen = await phone.evaluate(() => (window as unknown as { seenHeadings: string[] }).seenHeadings)
    expect(seen.filter((h) => /sitzt du/.test(h))).toEqual([])
    await context.close()
  })
})
