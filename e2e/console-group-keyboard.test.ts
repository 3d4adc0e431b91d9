import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { putCards } from './support/board-writer.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { keyboardDrag } from './support/keyboard-drag.js'
import type { ServerProcess } from './support/server-process.js'

let cafe: Cafe
let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

beforeAll(async () => {
  cafe = await openCafe({ title: 'Sichtung im Rathaus', tableNames: ['Sprache'] })
  ;({ server, browser, created } = cafe)
})
afterAll(async () => {
  await closeCafe(cafe)
})

/** The label of the element that has the focus, and whether it stands in a group's list. */
const focused = (page: Page) => page.evaluate(() => ({ label: document.activeElement?.getAttribute('aria-label') ?? null, inGroup: document.activeElement?.closest('[data-group-id]') !== null }))

describe('grouping in the console by keyboard', () => {
  it('moves a card by drag handle onto a group’s heading and back; the focus stays on the card’s handle wherever it lands', async () => {
    await putCards(server.url, created, 'sprache', 'laeuft-gut', ['Sprachkurse für Eltern', 'Dolmetscherpool'])
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })
    const page = await context.newPage()
    await page.goto(`${server.url}${created.links.facilitator}`)
    const editor = page.getByRole('region', { name: 'Karten gruppieren' })
    await editor.getByLabel('Spalte').selectOption({ index: 0 })
    await editor.getByLabel('Neue Gruppe (Überschrift)').fill('Sprache lernen')
    await editor.getByRole('button', { name: 'Gruppe anlegen' }).click()
    await editor.locator('[data-group-id]').first().waitFor()
    await editor.getByText('Dolmetscherpool', { exact: true }).waitFor()

    // Up from the loose cards, each arrow lands on a spot a screen reader names, the group's heading among them.
    await keyboardDrag(page, 'Ziehen: Dolmetscherpool', 'ArrowUp', /„Dolmetscherpool“ ist über: Gruppe „Sprache lernen“/)
    await editor.locator('[data-group-id] [data-card-id]', { hasText: 'Dolmetscherpool' }).waitFor({ timeout: 5000 })
    await expect.poll(() => focused(page)).toEqual({ label: 'Ziehen: Dolmetscherpool', inGroup: true })

    // And back out of the group, from where the focus is now.
    await keyboardDrag(page, 'Ziehen: Dolmetscherpool', 'ArrowDown', /„Dolmetscherpool“ ist über: ohne Gruppe/)
    await editor.locator('.group-loose [data-card-id]', { hasText: 'Dolmetscherpool' }).waitFor({ timeout: 5000 })
    await expect.poll(() => focused(page)).toEqual({ label: 'Ziehen: Dolmetscherpool', inGroup: false })
    await context.close()
  })
})
