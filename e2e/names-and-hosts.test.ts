import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Café mit Namen', tableNames: ['Bildung', 'Wohnen'], place: 'Rathaus' })
})
afterAll(() => closeCafe(cafe))

describe('display names and table hosts in real browsers', () => {
  it('keeps a named participant anonymous on the projector until the facilitator shows names', async () => {
    const { server, browser, created } = cafe
    // A retry runs in the same event: its card must not meet the first try's card.
    const cardText = `Elterncafés an Grundschulen ${Math.random().toString(36).slice(2, 6)}`
    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${created.links.projector.replace('#', '?table=bildung#')}`)
    await projector.getByRole('heading', { name: 'Bildung' }).waitFor()

    // A table's own join link opens the board of that table straight away.
    const phoneContext = await browser.newContext(PHONE)
    const phone = await phoneContext.newPage()
    await phone.goto(`${server.url}${created.links.participant}?tisch=bildung`)
    await phone.getByRole('heading', { name: 'Bildung' }).waitFor()
    await phone.getByRole('button', { name: 'Anonym – Namen angeben' }).click()
    await phone.getByLabel('Dein Name (freiwillig)').fill('Anna Beispiel')
    await phone.getByRole('button', { name: 'Übernehmen' }).click()
    await phone.getByRole('button', { name: 'Name: Anna Beispiel – ändern' }).waitFor()
    await phone.getByLabel('Deine Karte').fill(cardText)
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await phone.getByText('gespeichert').waitFor({ timeout: 5000 })

    await projector.locator('.card-text', { hasText: cardText }).waitFor({ timeout: 5000 })
    expect(await projector.getByText('Anna Beispiel').count()).toBe(0)
    expect(await phone.locator('.card-author').count()).toBe(0)

    const consoleContext = await browser.newContext(PROJECTOR)
    const console = await consoleContext.newPage()
    await console.goto(`${server.url}${created.links.facilitator}`)
    // Live first (its presence line shows), as a facilitator sees it: a click while the page still
    // starts can meet React's controlled box between the click and its state.
    await console.locator('.presence-summary').waitFor()
    await console.getByLabel('Namen der Teilnehmenden auf Beamer und Handys zeigen').check()
    // The card written while names were off stays anonymous (its name never left the phone); the next one carries it.
    await phone.getByLabel('Deine Karte').fill(`${cardText} (mit Namen)`)
    await phone.getByRole('button', { name: 'Karte senden' }).click()
    await projector.getByText('Anna Beispiel').waitFor({ timeout: 5000 })
    await phone.locator('.card-author', { hasText: 'Anna Beispiel' }).waitFor({ timeout: 5000 })
    expect(await projector.getByText('Anna Beispiel').count()).toBe(1)
    expect(await projector.locator('.card', { hasText: `${cardText} (mit Namen)` }).getByText('Anna Beispiel').count()).toBe(1)

    await console.getByLabel('Namen der Teilnehmenden auf Beamer und Handys zeigen').uncheck()
    await projector.getByText('Anna Beispiel').waitFor({ state: 'detached', timeout: 5000 })
    expect(await phone.locator('.card-author').count()).toBe(0)
    for (const c of [projectorContext, phoneContext, consoleContext]) await c.close()
  })

  it('lets a table host write for the table from the host link in the console and correct others’ cards', async () => {
    const { server, browser, created } = cafe
    const participantContext = await browser.newContext(PHONE)
    const participant = await participantContext.newPage()
    await participant.goto(`${server.url}${created.links.participant}`)
    await participant.getByRole('button', { name: 'Wohnen' }).click()
    await participant.getByLabel('Deine Karte').fill('Zu wenig bezahlbare Wohnungen')
    await participant.getByRole('button', { name: 'Karte senden' }).click()
    await participant.getByText('gespeichert').waitFor({ timeout: 5000 })

    // The facilitator hands the host link over (copied from the console).
    const consoleContext = await browser.newContext(PROJECTOR)
    const console = await consoleContext.newPage()
    await console.goto(`${server.url}${created.links.facilitator}`)
    await console.getByText('Links für „Wohnen“').click()
    const hostUrl = await console.locator('.table-links[open] .copy-link').filter({ hasText: 'Gastgeber-Link' }).locator('a').getAttribute('href')
    expect(hostUrl).toContain('#k=')

    const hostContext = await browser.newContext(PHONE)
    const host = await hostContext.newPage()
    await host.goto(hostUrl!)
    await host.getByText('Gastgeber*in · schreibt für den Tisch').waitFor()
    await host.getByRole('heading', { name: 'Wohnen' }).waitFor()
    expect(host.url()).not.toContain('#k=')
    expect(await host.getByRole('button', { name: 'Tisch wechseln' }).count()).toBe(0)
    await host.getByLabel('Deine Karte').fill('Für den Tisch: Wohnungsbörse der Stadt bekannter machen')
    await host.getByRole('button', { name: 'Karte senden' }).click()
    await participant.getByText('Für den Tisch: Wohnungsbörse der Stadt bekannter machen', { exact: true }).waitFor({ timeout: 5000 })

    await host.getByRole('button', { name: 'Karte „Zu wenig bezahlbare Wohnungen“ bearbeiten' }).click()
    await host.getByLabel('Kartentext').fill('Zu wenig bezahlbare Wohnungen für große Familien')
    await host.getByRole('button', { name: 'Speichern' }).click()
    await participant.locator('.card-list').getByText('Zu wenig bezahlbare Wohnungen für große Familien').waitFor({ timeout: 5000 })

    // After a reload the host is still the table's scribe.
    await host.reload()
    await host.getByText('Gastgeber*in · schreibt für den Tisch').waitFor()
    for (const c of [participantContext, consoleContext, hostContext]) await c.close()
  })
})
