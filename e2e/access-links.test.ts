import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Café mit neuem Code', tableNames: ['Bildung', 'Wohnen'] })
})
afterAll(() => closeCafe(cafe))

describe('renewing links in the console, in real browsers', () => {
  it('issues a new join code after confirmation: the projector shows it, the old code is refused, the new one joins', async () => {
    const { server, browser, created } = cafe
    const projector = await (await browser.newContext(PROJECTOR)).newPage()
    await projector.goto(`${server.url}${created.links.projector}`)
    await projector.getByText(created.joinCode, { exact: false }).first().waitFor()

    const console = await (await browser.newContext(PROJECTOR)).newPage()
    await console.goto(`${server.url}${created.links.facilitator}`)
    const shown = console.locator('.join-code')
    await shown.getByText(created.joinCode).waitFor()
    // The first confirmation is dismissed: nothing changes.
    console.once('dialog', (dialog) => void dialog.dismiss())
    await console.getByRole('button', { name: 'Neuen Teilnahme-Code erzeugen' }).click()
    await console.waitForTimeout(300)
    expect(await shown.textContent()).toBe(created.joinCode)
    console.once('dialog', (dialog) => void dialog.accept())
    await console.getByRole('button', { name: 'Neuen Teilnahme-Code erzeugen' }).click()
    await console.getByText('Neu erzeugt – der alte gilt nicht mehr.').first().waitFor()
    const fresh = (await shown.textContent())!.trim()
    expect(fresh).not.toBe(created.joinCode)
    await projector.getByText(fresh, { exact: false }).first().waitFor({ timeout: 5000 })

    const phone = await (await browser.newContext(PHONE)).newPage()
    await phone.goto(`${server.url}/j/${created.joinCode}`)
    await phone.getByText('Zu diesem Code gibt es keine Veranstaltung', { exact: false }).first().waitFor()
    await phone.goto(`${server.url}/j/${fresh}`)
    await phone.getByText('An welchem Tisch sitzt du?').waitFor()
  })
})
