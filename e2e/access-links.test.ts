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

  it('renews the facilitator link after confirmation: this console moves to the new link and shows it to be saved, a console with the old link is shut out', async () => {
    const { server, browser, created } = cafe
    const other = await (await browser.newContext(PROJECTOR)).newPage()
    await other.goto(`${server.url}${created.links.facilitator}`)
    await other.locator('.join-code').waitFor()
    const console = await (await browser.newContext(PROJECTOR)).newPage()
    await console.goto(`${server.url}${created.links.facilitator}`)
    await console.getByRole('button', { name: 'Moderationslink anzeigen' }).click()
    const oldLink = await console.locator('#facilitator-link-url').inputValue()
    console.once('dialog', (dialog) => void dialog.accept())
    await console.getByRole('button', { name: 'Moderationslink sperren und neu erzeugen' }).click()
    // The page opens anew with the new link, shown at once with the request to save it.
    await console.getByText('Ihr Moderationslink ist neu erzeugt', { exact: false }).waitFor({ timeout: 10_000 })
    const newLink = await console.locator('#facilitator-link-url').inputValue()
    expect(newLink).not.toBe(oldLink)
    expect(newLink).toMatch(/\/console#k=/)
    expect(console.url()).not.toContain('#k=')
    await console.locator('.join-code').waitFor()
    // The other console, opened with the old link, says at once that it is shut out, and so after a reload.
    await other.getByText('Dieser Moderationslink gilt nicht mehr', { exact: false }).waitFor({ timeout: 10_000 })
    expect(await other.locator('.join-code').count()).toBe(0)
    await other.reload()
    await other.getByText('Dieser Link ist ungültig oder abgelaufen.').waitFor({ timeout: 10_000 })
    // The new link opens the console on another device.
    const third = await (await browser.newContext(PROJECTOR)).newPage()
    await third.goto(newLink)
    await third.locator('.join-code').waitFor()
  })
})
