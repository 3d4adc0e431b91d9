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

  it('adds sub-points by keyboard into the new field, keeps the focus in the field after Ctrl+Enter, and Esc gives up an edit', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'de-DE' })
    const page = await context.newPage()
    await page.goto(`${server.url}${created.links.participant}`)
    await page.getByRole('button', { name: 'Arbeit' }).click()
    const field = page.getByLabel('Deine Karte')
    await field.fill('Dr. Renfeld:')
    // "+ Unterpunkt hinzufügen" by Enter: the focus is in the new sub-point, typing goes there (it pressed the button again).
    await tabTo(page, (el) => el.tag === 'button' && el.text === '+ Unterpunkt hinzufügen')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Sprechstunde im Rathaus')
    await expect(page.getByRole('textbox', { name: 'Unterpunkt 1' }).inputValue()).resolves.toBe('Sprechstunde im Rathaus')
    expect(await page.getByRole('textbox', { name: 'Unterpunkt 2' }).count()).toBe(0)
    // The focused sub-point stands clear of the sticky "Karte senden" bar.
    const [point, bar] = await Promise.all([page.getByRole('textbox', { name: 'Unterpunkt 1' }).boundingBox(), page.locator('.add-card-send').boundingBox()])
    expect(point!.y + point!.height).toBeLessThanOrEqual(bar!.y + 1)
    // Sent with Ctrl+Enter from the field: the page shows the sent card, the focus stays in the field for the next one.
    await field.focus()
    await page.keyboard.press('Control+Enter')
    await page.locator('.card-list li', { hasText: 'Dr. Renfeld:' }).waitFor()
    await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    // Editing the card: Esc gives the edit up, the text stays as it was.
    await page.getByRole('button', { name: 'Karte „Dr. Renfeld:“ bearbeiten' }).click()
    const edit = page.getByLabel('Kartentext')
    await edit.fill('Dr. Renfeld, verworfen')
    await page.keyboard.press('Escape')
    await edit.waitFor({ state: 'detached' })
    await page.locator('.card-list li', { hasText: 'Dr. Renfeld:' }).waitFor()
    expect(await page.locator('.card-list li', { hasText: 'verworfen' }).count()).toBe(0)
    await context.close()
  })
})
