import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse, Template } from '@tischrunde/shared'
import { PHONE, launchBrowser } from './support/browser.js'
import { type Cafe, closeCafe } from './support/cafe.js'
import { facilitatorSocket } from './support/facilitator.js'
import { startServerProcess } from './support/server-process.js'

/** A station of six columns: the longest form a phone shows. */
const SIX_COLUMNS: Template = {
  method: 'world-cafe',
  stations: [
    {
      id: 'station-1',
      title: 'Station 1',
      prompt: 'Was brauchen Familien, die neu in der Stadt sind, in den ersten drei Monaten?',
      columns: ['Wohnen und Ankommen', 'Sprache und Bildung', 'Arbeit und Ausbildung', 'Gesundheit und Pflege', 'Ehrenamt und Vereine', 'Verwaltung und Ämter'].map((title, i) => ({ id: `c${i + 1}`, title })),
    },
  ],
}

/** The field's and the send button's boxes in the viewport as it stands, and the viewport's height. */
const boxes = (page: Page) =>
  page.evaluate(() => {
    const field = document.querySelector('.add-card textarea')!.getBoundingClientRect()
    const send = document.querySelector('.add-card-send button')!.getBoundingClientRect()
    return { field: { top: field.top, bottom: field.bottom }, send: { top: send.top, bottom: send.bottom }, height: window.innerHeight, focused: document.activeElement?.tagName }
  })

/** Whether the whole field and the whole button are on screen, the button not over the field. */
const clear = (b: Awaited<ReturnType<typeof boxes>>) => b.field.top >= 0 && b.send.bottom <= b.height && (b.field.bottom <= b.send.top || b.field.top >= b.send.bottom)

describe('the card field on a phone while the on-screen keyboard is up', () => {
  let cafe: Cafe | undefined
  let url = ''

  beforeAll(async () => {
    const server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
    const browser = await launchBrowser()
    const res = await fetch(`${server.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
      body: JSON.stringify({ title: 'Familien-Café', date: '2019-07-02', tableNames: ['Ankommen'], template: SIX_COLUMNS }),
    })
    const created = (await res.json()) as CreateEventResponse
    cafe = { server, browser, created }
    const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
    expect((await facilitator.advance()).ok).toBe(true)
    facilitator.close()
    url = `${server.url}${created.links.participant}`
  })
  afterAll(async () => {
    await closeCafe(cafe)
  })

  const seatedPhone = async () => {
    const context = await cafe!.browser.newContext({ ...PHONE, reducedMotion: 'reduce' })
    const page = await context.newPage()
    await page.goto(url)
    await page.getByRole('button', { name: 'Ankommen', exact: true }).click()
    await page.getByRole('heading', { name: 'Karte hinzufügen' }).waitFor()
    return { page, context }
  }

  it('keeps the whole field above “Karte senden” when the keyboard opens on the focused field (360×740 → 360×420)', async () => {
    const { page, context } = await seatedPhone()
    await page.getByLabel('Deine Karte').tap()
    await page.keyboard.type('Kinderarzt-Termine')
    // The keyboard takes the lower part of the screen: the page has 420 px left.
    await page.setViewportSize({ width: 360, height: 420 })
    await expect.poll(async () => clear(await boxes(page)), { timeout: 5000 }).toBe(true)
    expect((await boxes(page)).focused).toBe('TEXTAREA')
    await page.screenshot({ path: '/tmp/phone-keyboard-open.png' })
    await context.close()
  })

  it('scrolls the field clear of “Karte senden” when it gets the focus with the keyboard already up', async () => {
    const { page, context } = await seatedPhone()
    await page.setViewportSize({ width: 360, height: 420 })
    // The field just peeks out at the bottom, behind the sticky button: focus it there.
    await page.evaluate(() => {
      const field = document.querySelector('.add-card textarea')!
      window.scrollBy(0, field.getBoundingClientRect().top - window.innerHeight + 20)
    })
    await page.evaluate(() => (document.querySelector('.add-card textarea') as HTMLTextAreaElement).focus())
    await expect.poll(async () => clear(await boxes(page)), { timeout: 5000 }).toBe(true)
    // Typing keeps it so.
    await page.keyboard.type('Sprachkurse am Abend, damit Eltern nach der Arbeit kommen können')
    expect(clear(await boxes(page))).toBe(true)
    await context.close()
  })
})
