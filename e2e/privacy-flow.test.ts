import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '@tischrunde/shared'
import { PHONE, launchBrowser } from './support/browser.js'
import { facilitatorSocket } from './support/facilitator.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

describe('data protection from creation to "Meine Beiträge löschen"', () => {
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    server = await startServerProcess()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (server) removeDir(server.dataDir)
  })

  it('keeps the period and notice chosen at creation; phones show the notice and delete their own cards', async () => {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })
    const page = await desk.newPage()
    await page.goto(`${server.url}/admin#k=${server.adminKey}`)
    await page.getByRole('link', { name: 'Neue Veranstaltung anlegen' }).click()
    const eventDate = addDays(new Date().toISOString().slice(0, 10), 10)
    await page.getByLabel('Titel').fill('Datenschutz-Runde')
    await page.getByLabel('Datum').fill(eventDate)
    await page.getByLabel('Thementische (einer pro Zeile)').fill('Sprache')
    await page.getByLabel('Löschen nach (Tage nach dem Termin)').fill('90')
    await page.locator('.notice-choice summary').click()
    await page.getByLabel('Datenschutzhinweis (Text)').fill('Verantwortlich: Stadt Musterhausen, Integrationsbüro.')
    await page.getByLabel('Impressum (Link)').fill('https://www.musterhausen.de/impressum')
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click()

    // The console names the chosen date, 90 days after the event.
    const retention = page.locator('.console-retention [data-retention-date]')
    await retention.waitFor()
    expect(await retention.getAttribute('data-retention-date')).toBe(addDays(eventDate, 90))
    await page.getByText('Von der Moderation festgelegt.').waitFor()
    expect(await page.getByLabel('Datenschutzhinweis (Text)').inputValue()).toBe('Verantwortlich: Stadt Musterhausen, Integrationsbüro.')

    // Start the first station, then a phone joins: the notice is one tap away before and at the table.
    const eventId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!)
    const token = await page.evaluate((id) => window.localStorage.getItem(`tischrunde.facilitator.${id}`), eventId)
    const joinLink = await page.locator('.console-join a[href*="/j/"]').first().getAttribute('href')
    expect(token).toBeTruthy()
    const facilitator = await facilitatorSocket(server.url, token!)
    expect((await facilitator.advance()).ok).toBe(true)
    facilitator.close()

    const hand = await browser.newContext(PHONE)
    const phone = await hand.newPage()
    phone.on('dialog', (dialog) => void dialog.accept())
    await phone.goto(joinLink!.replace(/^https?:\/\/[^/]+/, server.url))
    await phone.getByText('Vor dem Mitmachen lesen: was gespeichert wird, Datenschutz und Impressum.').waitFor()
    await phone.getByRole('button', { name: 'Datenschutz & Impressum' }).click()
    await phone.getByText('Verantwortlich: Stadt Musterhausen, Integrationsbüro.').waitFor()
    expect(await phone.getByRole('link', { name: 'Impressum öffnen (neue Seite)' }).getAttribute('href')).toBe('https://www.musterhausen.de/impressum')
    await phone.getByRole('button', { name: 'Datenschutz & Impressum schließen' }).click()

    await phone.getByRole('button', { name: 'Sprache' }).click()
    await phone.getByLabel('Deine Karte').fill('Meine Karte, bald gelöscht')
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.getByRole('listitem').filter({ hasText: 'Meine Karte, bald gelöscht' }).getByText('gespeichert', { exact: true }).waitFor()

    await phone.getByRole('button', { name: 'Datenschutz & Impressum' }).click()
    await phone.getByRole('button', { name: 'Meine Beiträge löschen' }).click()
    await phone.getByText('Gelöscht: 1 Beitrag.').waitFor()
    await phone.getByRole('listitem').filter({ hasText: 'Meine Karte, bald gelöscht' }).waitFor({ state: 'detached' })
    await hand.close()
    await desk.close()
  })
})
