import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { winnendenEvent } from '@tischrunde/fixtures'
import { launchBrowser } from './support/browser.js'
import { type ServerProcess, importEventWithKey, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser
let facilitator: string

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
  facilitator = (await importEventWithKey(server, winnendenEvent())).facilitator
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

describe("the moderation's lists of the Winnenden cards", () => {
  it('show a card with its sub-points: "Dr. Renfeld:" is judged by what she said, not by its heading', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' })
    const page = await context.newPage()
    try {
      await page.goto(`${server.url}${facilitator}`)
      const item = page.locator('[data-moderation-card]', { hasText: 'Dr. Renfeld:' }).first()
      await item.waitFor({ timeout: 20_000 })
      expect((await item.locator('.card-subpoints li').allInnerTexts()).length).toBeGreaterThan(0)
      expect(await item.locator('.card-subpoints').innerText()).toContain('Kinderbetreuung')
    } finally {
      await context.close()
    }
  })
})
