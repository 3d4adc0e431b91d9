import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { launchBrowser } from './support/browser.js'
import { facilitatorSocket } from './support/facilitator.js'
import { type ServerProcess, createEventWithKey, removeDir, startServerProcess } from './support/server-process.js'
import { tabTo } from './support/keyboard.js'

describe('a card added on the phone by keyboard alone', () => {
  let server: ServerProcess
  let browser: Browser
  let created: CreateEventResponse

  beforeAll(async () => {
    server = await startServerProcess()
    browser = await launchBrowser()
    created = await createEventWithKey(server, { title: 'Tastatur am Handy', date: '2026-11-23', tableNames: ['Sprache', 'Arbeit'] })
    const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
    expect((await facilitator.advance()).ok).toBe(true)
    facilitator.close()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (server) removeDir(server.dataDir)
  })

  it('picks a table, writes and sends a card, and opens the privacy notice — Tab, Space, Enter and typing only', async () => {
    // A phone with a keyboard (a Bluetooth keyboard, a switch device): no pointer is used below.
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'de-DE' })
    const page = await context.newPage()
    await page.goto(`${server.url}${created.links.participant}`)
    await page.getByRole('button', { name: 'Sprache' }).waitFor()

    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Sprache')
    await page.keyboard.press('Enter')
    await page.getByLabel('Deine Karte').waitFor()

    await tabTo(page, (el) => el.tag === 'textarea')
    await page.keyboard.type('Mehr Sprachkurse am Abend')
    // Ctrl+Enter sends from the text field, as the button's shortcut says.
    await page.keyboard.press('Control+Enter')
    const card = page.locator('.card-list li', { hasText: 'Mehr Sprachkurse am Abend' })
    await card.waitFor()
    await card.getByText('gespeichert').waitFor({ timeout: 15_000 })

    // One tap from the board (here: Tab and Enter): privacy notice, imprint, "Meine Beiträge löschen".
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Datenschutz & Impressum')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Meine Beiträge löschen' }).waitFor()
    await context.close()
  })
})
