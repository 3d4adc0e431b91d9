import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { facilitatorSocket } from './support/facilitator.js'

const TABLES = ['Sprache', 'Arbeit', 'Wohnen', 'Schule']
let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Rotation mit zwölf Handys', tableNames: TABLES })
})
afterAll(() => closeCafe(cafe))

/** The table a phone's rotation prompt suggests, once the server's suggestion has arrived. */
async function suggested(page: Page): Promise<string> {
  const box = page.locator('[data-testid="rotation-suggestion"][data-suggested-by="server"]')
  await box.waitFor({ timeout: 15_000 })
  expect(await box.getByText('Vorschlag', { exact: true }).isVisible()).toBe(true)
  const label = (await box.getByRole('button').textContent()) ?? ''
  return label.replace(/^Zum Tisch „/, '').replace(/“$/, '')
}

describe('rotation that mixes people, with 12 phones at 4 tables', () => {
  // Twelve phones at once: on a busy two-core machine this takes more than a minute.
  it('suggests each phone its own next table: the three people of a table go to three different tables, and every table gets three', { timeout: 150_000 }, async () => {
    const { server, created, browser } = cafe
    const phones: { page: Page; table: string }[] = []
    for (const [i, table] of TABLES.flatMap((t) => [t, t, t]).entries()) {
      const page = await (await browser.newContext(PHONE)).newPage()
      await page.goto(`${server.url}${created.links.participant}`)
      await page.getByRole('button', { name: table, exact: true }).click()
      await page.getByRole('button', { name: 'Karte senden' }).waitFor()
      phones.push({ page, table })
      if (i === 0) await page.screenshot({ path: '/tmp/phone13-board.png' })
    }

    const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
    expect((await facilitator.advance()).ok).toBe(true)
    await Promise.all(phones.map(({ page }) => page.getByRole('heading', { name: 'Jetzt beginnt: Station 2' }).waitFor()))
    const next = await Promise.all(phones.map(({ page }) => suggested(page)))
    await phones[0]!.page.screenshot({ path: '/tmp/phone13-rotation.png' })

    // Nobody is sent back to where they sat.
    phones.forEach(({ table }, i) => expect(next[i], `phone ${i}`).not.toBe(table))
    // The three people of each table are spread over three different tables.
    for (const table of TABLES) {
      const from = phones.map((p, i) => (p.table === table ? next[i] : null)).filter(Boolean)
      expect(new Set(from).size, `people from ${table}`).toBe(3)
    }
    // Every table gets three people.
    for (const table of TABLES) expect(next.filter((t) => t === table).length, table).toBe(3)

    // Everyone follows the suggestion; at Station 3 the suggestions again avoid both visited tables.
    for (const [i, { page }] of phones.entries()) {
      await page.getByRole('button', { name: `Zum Tisch „${next[i]}“` }).click()
      await page.getByRole('button', { name: 'Weiter: Station 2' }).click()
      await page.getByRole('button', { name: 'Karte senden' }).waitFor()
    }
    // Moving on focuses the board's first control rather than leaving focus on a vanished button.
    expect(await phones[0]!.page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY')
    expect((await facilitator.advance()).ok).toBe(true)
    await Promise.all(phones.map(({ page }) => page.getByRole('heading', { name: 'Jetzt beginnt: Station 3' }).waitFor()))
    const third = await Promise.all(phones.map(({ page }) => suggested(page)))
    phones.forEach(({ table }, i) => expect([table, next[i]], `phone ${i}`).not.toContain(third[i]))
    for (const table of TABLES) expect(third.filter((t) => t === table).length, table).toBe(3)
    facilitator.close()
  })
})
