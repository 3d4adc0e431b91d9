import { createServer } from 'node:net'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import jsQR from 'jsqr'
import type { CreateEventResponse } from '@tischrunde/shared'
import { facilitatorSocket } from './facilitator.js'
import { type ServerProcess, adminKeyFor } from './server-process.js'

/** A free TCP port on 127.0.0.1 (for a server whose public address must name its port in advance). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/** Creates an event over the API; `open` opens Station 1 as the facilitator. */
export async function createEvent(baseUrl: string, event: { title: string; tableNames: string[] }, open = true): Promise<CreateEventResponse> {
  const res = await fetch(`${baseUrl}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKeyFor(baseUrl)}` },
    body: JSON.stringify({ date: '2026-11-23', place: 'Rathaus', ...event }),
  })
  const created = (await res.json()) as CreateEventResponse
  if (open) {
    const facilitator = await facilitatorSocket(baseUrl, created.facilitatorToken)
    const ack = await facilitator.advance()
    facilitator.close()
    if (!ack.ok) throw new Error(`could not open Station 1: ${ack.message}`)
  }
  return created
}

/** Decodes the QR code shown in `selector` from a screenshot of it, as a phone camera would. */
export async function decodeQr(page: Page, selector: string): Promise<string | null> {
  const shot = PNG.sync.read(await page.locator(selector).first().screenshot())
  return jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data ?? null
}

/** Smallest computed font size, in px, of the visible elements matching `selector`. */
export function minFontPx(page: Page, selector: string): Promise<number> {
  return page.$$eval(selector, (els) =>
    Math.min(...els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => Number.parseFloat(getComputedStyle(e).fontSize))),
  )
}

/** A phone seated at `table`, writing `texts` as cards into the first column of Station 1. */
export async function writeCards(page: Page, server: ServerProcess, created: CreateEventResponse, table: string, column: string, texts: readonly string[]): Promise<void> {
  await page.goto(`${server.url}${created.links.participant}`)
  await page.getByRole('button', { name: table }).click()
  for (const text of texts) {
    await page.getByRole('radio', { name: column }).check()
    await page.getByLabel('Deine Karte').fill(text)
    await page.getByRole('button', { name: 'Karte senden' }).click()
    // On the board, not in the screen reader's announcement of it.
    await page.locator('.card-list').getByText(text, { exact: true }).waitFor()
  }
}
