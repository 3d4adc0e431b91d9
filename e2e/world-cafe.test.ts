import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE, PROJECTOR, launchBrowser } from './support/browser.js'
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

async function addCard(page: Page, column: string, text: string) {
  await page.getByRole('radio', { name: column }).check()
  await page.getByLabel('Deine Karte').fill(text)
  await page.getByRole('button', { name: 'Karte senden' }).click()
  await page.locator('.card-list').getByText(text).waitFor()
}

describe('a whole World Café, played in real browsers', () => {
  it('runs three stations with rotation, a timer that locks, and a review of every table', async () => {
    // The organiser opens the admin link the server printed and creates the event from there.
    const console = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'de-DE' })).newPage()
    await console.goto(`${server.url}/admin#k=${server.adminKey}`)
    await console.getByRole('link', { name: 'Neue Veranstaltung anlegen' }).click()
    await console.getByText('Dieses Gerät hat den Verwaltungslink schon geöffnet', { exact: false }).waitFor()
    await console.getByLabel('Titel').fill('Integrationsdialog Musterstadt')
    await console.getByLabel('Ort').fill('Bürgerhaus')
    await console.getByLabel('Thementische (einer pro Zeile)').fill('Sprache\nArbeit\nWohnen')
    await console.getByRole('radio', { name: 'Vorlage Winnenden (Integrationskonferenz 2019)' }).check()
    await console.getByRole('button', { name: 'Veranstaltung anlegen' }).click()
    await console.getByRole('heading', { name: 'Integrationsdialog Musterstadt' }).waitFor()

    // One-minute stations that lock two seconds after the time is up.
    await console.getByText('Einstellungen der Runden').click()
    await console.getByLabel('Minuten pro Station').fill('1')
    await console.getByLabel('Nachlauf bis zur Sperre (Sekunden)').fill('2')
    await console.getByRole('button', { name: 'Übernehmen' }).click()
    await console.getByText('Gespeichert.').waitFor()

    const joinUrl = await console.getByRole('link', { name: /\/j\// }).getAttribute('href')
    const phones = await Promise.all(
      ['Sprache', 'Arbeit'].map(async (table) => {
        const page = await (await browser.newContext(PHONE)).newPage()
        await page.goto(joinUrl!)
        await page.getByRole('button', { name: table }).click()
        await page.getByText('Gleich geht’s los', { exact: false }).waitFor()
        return page
      }),
    )
    const [ana, ben] = phones as [Page, Page]

    // Presence: the console counts one person at each of the two tables.
    await console.locator('[data-presence-table="sprache"]').getByText('1 Person am Tisch').waitFor()

    await console.getByRole('button', { name: 'Start: Station 1' }).click()
    await addCard(ana, 'Wo hakt es?', 'Zu wenige Sprachkurse am Abend')
    await addCard(ben, 'Was läuft gut?', 'Jobcenter und Betriebe reden miteinander')

    // The facilitator sets the rest of the time to zero (rather than wait out the minute); the
    // server's timer locks the station for participants once the grace period has run out.
    await console.getByLabel('Auf Minuten setzen').fill('0')
    await console.getByRole('button', { name: 'Setzen', exact: true }).click()
    await ana.getByText('Diese Station ist geschlossen', { exact: false }).waitFor({ timeout: 15_000 })
    expect(await ana.getByRole('button', { name: 'Karte senden' }).isDisabled()).toBe(true)
    await console.getByText('gesperrt').waitFor()

    // Station 2: Ana rotates to Ben's table in one tap and first reads the tablecloth.
    await console.getByRole('button', { name: 'Weiter: Station 2' }).click()
    await ana.getByRole('heading', { name: 'Jetzt beginnt: Station 2' }).waitFor()
    await ana.getByRole('button', { name: 'Arbeit', exact: true }).click()
    await ana.getByRole('heading', { name: 'Das haben die Gruppen vor euch hier geschrieben' }).waitFor()
    await ana.locator('.card-list').getByText('Jobcenter und Betriebe reden miteinander').waitFor()
    await ana.getByRole('button', { name: 'Weiter: Station 2' }).click()
    await addCard(ana, 'Was sind unsere Ziele?', 'Ausbildung in Teilzeit ermöglichen')

    // Ben stays as host; at Station 3 Ana's prompt marks the tables she has visited.
    await ben.getByRole('button', { name: 'Ich bleibe hier (Gastgeber*in)' }).click()
    await console.getByRole('button', { name: 'Weiter: Station 3' }).click()
    await ana.getByRole('heading', { name: 'Jetzt beginnt: Station 3' }).waitFor()
    expect(await ana.getByText('schon besucht').count()).toBe(1)
    await ana.getByRole('button', { name: 'Wohnen', exact: true }).click()
    await ana.getByRole('button', { name: 'Weiter: Station 3' }).click()
    await addCard(ana, 'Wer kann helfen?', 'Wohnungsbaugesellschaft')

    // Station 3 ends; the review shows every table's results.
    await console.getByRole('button', { name: 'Weiter: Sichtung der Ergebnisse' }).click()
    await ana.getByText('Sichtung der Ergebnisse').first().waitFor()
    // The stations' long headings ("… Integrationsmanagement leisten?") stay inside the phone's width.
    expect(await ana.locator('main h2').evaluateAll((hs) => hs.filter((h) => h.scrollWidth > h.clientWidth + 1).map((h) => h.textContent))).toEqual([])
    const projectorLink = await console.getByRole('link', { name: 'Beamer öffnen' }).getAttribute('href')
    const projector = await (await browser.newContext(PROJECTOR)).newPage()
    await projector.goto(new URL(projectorLink!, server.url).toString())
    await projector.getByText('Tisch 1 von 3 · Station 1 von 3').waitFor()
    const seen: string[] = []
    for (const expected of ['Zu wenige Sprachkurse am Abend', 'Jobcenter und Betriebe reden miteinander', 'Ausbildung in Teilzeit ermöglichen', 'Wohnungsbaugesellschaft']) {
      // Step through tables and stations with the keyboard until the card shows.
      for (let step = 0; step < 12 && !(await projector.getByText(expected).isVisible()); step++) await projector.keyboard.press('ArrowRight')
      expect(await projector.getByText(expected).isVisible()).toBe(true)
      seen.push(expected)
    }
    expect(seen).toHaveLength(4)
  }, 90_000)
})
