import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse, Template } from '@tischrunde/shared'
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

/** Two stations of six columns each: the most a station may have. */
const SIX_COLUMNS: Template = {
  method: 'world-cafe',
  stations: ['station-1', 'station-2'].map((id, s) => ({
    id,
    title: `Station ${s + 1}`,
    prompt: 'Was brauchen Familien, die neu in der Stadt sind, in den ersten drei Monaten?',
    columns: ['Wohnen und Ankommen', 'Sprache und Bildung', 'Arbeit und Ausbildung', 'Gesundheit und Pflege', 'Ehrenamt und Vereine', 'Verwaltung und Ämter'].map((title, i) => ({ id: `c${i + 1}`, title })),
  })),
}

async function createEvent(body: object): Promise<CreateEventResponse> {
  const res = await fetch(`${server.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
    body: JSON.stringify({ date: '2019-07-02', ...body }),
  })
  return (await res.json()) as CreateEventResponse
}

/** Whether an element is fully inside the 360×740 viewport, as it stands (no scrolling). */
const inView = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true }).evaluate((el) => {
    const r = el.getBoundingClientRect()
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0
  })

describe('a phone that is easy at 60', () => {
  it('keeps “Karte senden” on screen with six columns, sends with Ctrl+Enter, shows and highlights the sent card, and words everything with “Sie”', async () => {
    const created = await createEvent({ title: 'Familien-Café', tableNames: ['Ankommen'], template: SIX_COLUMNS, address: 'sie' })
    const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
    expect((await facilitator.advance()).ok).toBe(true)

    const context = await browser.newContext({ ...PHONE, reducedMotion: 'reduce' })
    const phone = await context.newPage()
    await phone.goto(`${server.url}${created.links.participant}`)
    // The header names the event and its day as people write it; the wording says "Sie".
    await phone.getByRole('heading', { name: 'An welchem Tisch sitzen Sie?' }).waitFor()
    await phone.getByText('Familien-Café · 2. Juli 2019').waitFor()
    await phone.screenshot({ path: '/tmp/phone13-pick-sie.png' })
    await phone.getByRole('button', { name: 'Ankommen', exact: true }).click()
    // Focus moves to the board's form, not back to the top of the page.
    await phone.getByRole('heading', { name: 'Karte hinzufügen' }).waitFor()
    await expect.poll(() => phone.evaluate(() => document.activeElement?.textContent)).toBe('Karte hinzufügen')

    expect(await inView(phone, 'Karte senden')).toBe(true)
    await phone.getByRole('radio', { name: 'Gesundheit und Pflege' }).check()
    await phone.getByLabel('Ihre Karte').fill('Kinderarzt-Termine sind kaum zu bekommen')
    await phone.screenshot({ path: '/tmp/phone13-six-columns.png' })
    await phone.getByLabel('Ihre Karte').press('Control+Enter')
    const card = phone.locator('li.card', { hasText: 'Kinderarzt-Termine sind kaum zu bekommen' })
    await card.waitFor()
    // The sent card is where the person looks, marked for a moment.
    expect(await card.evaluate((el) => el.classList.contains('card-just-sent'))).toBe(true)
    expect(await card.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight && el.getBoundingClientRect().bottom > 0)).toBe(true)
    await phone.screenshot({ path: '/tmp/phone13-sent.png' })
    expect(await phone.getByLabel('Ihre Karte').inputValue()).toBe('')

    // A locked station: no sub-points either.
    const lock = await facilitator.socket.emitWithAck('station:lock', { stationId: 'station-1', locked: true })
    expect(lock).toEqual({ ok: true })
    await phone.getByText('Diese Station ist geschlossen', { exact: false }).waitFor()
    expect(await phone.getByRole('button', { name: '+ Unterpunkt hinzufügen' }).isDisabled()).toBe(true)

    // Offline, the phone says so and that cards are kept, instead of "Verbinde …".
    await context.setOffline(true)
    await phone.getByText('Offline – Ihre Karten werden gespeichert', { exact: false }).waitFor()
    await context.setOffline(false)
    facilitator.close()
  })

  it('keeps the tablecloth’s “Weiter” in view however much the earlier groups wrote', async () => {
    const created = await createEvent({ title: 'Tischdecke', tableNames: ['Sprache', 'Arbeit'], template: SIX_COLUMNS })
    const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
    expect((await facilitator.advance()).ok).toBe(true)
    const phone = await (await browser.newContext(PHONE)).newPage()
    await phone.goto(`${server.url}${created.links.participant}`)
    await phone.getByRole('button', { name: 'Sprache', exact: true }).click()
    for (let i = 1; i <= 8; i++) {
      await phone.getByLabel('Deine Karte').fill(`Beitrag Nummer ${i} zur ersten Station`)
      await phone.getByLabel('Deine Karte').press('Control+Enter')
      await phone.getByText(`Beitrag Nummer ${i} zur ersten Station`).waitFor()
    }
    expect((await facilitator.advance()).ok).toBe(true)
    await phone.getByRole('heading', { name: 'Jetzt beginnt: Station 2' }).waitFor()
    await phone.getByRole('button', { name: 'Ich bleibe hier (Gastgeber*in)' }).click()
    await phone.getByRole('heading', { name: 'Das haben die Gruppen vor euch hier geschrieben' }).waitFor()
    await expect.poll(() => phone.evaluate(() => document.activeElement?.textContent)).toBe('Das haben die Gruppen vor euch hier geschrieben')
    expect(await inView(phone, 'Weiter: Station 2')).toBe(true)
    await phone.screenshot({ path: '/tmp/phone13-tablecloth.png' })
    facilitator.close()
  })
})

describe('creating an event', () => {
  it('offers method templates and shows the chosen stations and columns; refuses duplicate table names plainly', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage()
    // The organiser comes from the admin link the server printed (creating events needs it).
    await page.goto(`${server.url}/admin#k=${server.adminKey}`)
    await page.getByRole('link', { name: 'Neue Veranstaltung anlegen' }).click()
    const preview = page.locator('.method-preview')
    expect(await page.getByRole('radio', { name: 'World Café in drei Stationen (neutral)' }).isChecked()).toBe(true)
    for (const text of ['Was wollen wir erreichen?', 'Was tun wir, wer hilft?', 'Wer hilft?']) await preview.getByText(text).first().waitFor()
    await page.getByRole('radio', { name: 'Vorlage Winnenden (Integrationskonferenz 2019)' }).check()
    await preview.getByText('Was soll ein gutes Integrationsmanagement leisten?').first().waitFor()

    await page.getByLabel('Titel').fill('Integrationsdialog')
    await page.getByLabel('Thementische (einer pro Zeile)').fill('Sprache\nArbeit\nSprache')
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click()
    await page.getByText('Thementische: „Sprache“ kommt doppelt vor.').waitFor()
    await page.screenshot({ path: '/tmp/phone13-create.png', fullPage: true })

    // English: worded for people, no field names or zod texts.
    await page.getByRole('combobox').selectOption('en')
    await page.getByLabel('Title').fill('')
    await page.getByRole('button', { name: 'Create event' }).click()
    const message = await page.locator('.landing form').nth(1).getByRole('alert').textContent()
    expect(message).toMatch(/^Title: /)
    expect(message).not.toMatch(/title:|Invalid|expected|Bitte|Titel/)

    // The console shows the day as people write it, not ISO.
    await page.getByRole('combobox').selectOption('de')
    await page.getByLabel('Titel').fill('Integrationsdialog')
    await page.getByLabel('Datum').fill('2019-07-02')
    await page.getByLabel('Thementische (einer pro Zeile)').fill('Sprache\nArbeit')
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click()
    await page.getByRole('heading', { name: 'Integrationsdialog' }).waitFor()
    await page.getByText('2. Juli 2019', { exact: true }).waitFor()
    expect(await page.getByText('2019-07-02').count()).toBe(0)
  })
})
