import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE, PROJECTOR } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'
import { type ServerProcess, startServerProcess } from './support/server-process.js'

let cafe: Cafe
let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

beforeAll(async () => {
  cafe = await openCafe({ title: 'Integrationskonferenz Test', tableNames: ['Arbeitsmarktintegration', 'Sprache'], place: 'Rathaus' })
  ;({ server, browser, created } = cafe)
})

afterAll(async () => {
  cafe.server = server // a test may have restarted the server
  await closeCafe(cafe)
})

async function phoneAtTable(tableName: string) {
  const context = await browser.newContext(PHONE)
  const page = await context.newPage()
  await page.goto(`${server.url}${created.links.participant}`)
  await page.getByRole('button', { name: tableName }).click()
  await page.getByRole('heading', { name: tableName }).waitFor()
  return { context, page }
}

describe('the live board in real browsers', () => {
  it('shows a card typed on a phone on the projector and on a second phone within a second', async () => {
    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${created.links.projector.replace('#', '?table=arbeitsmarktintegration#')}`)
    await projector.getByRole('heading', { name: 'Arbeitsmarktintegration' }).waitFor()
    await expect(projector.url()).not.toContain('#k=')

    const first = await phoneAtTable('Arbeitsmarktintegration')
    const second = await phoneAtTable('Arbeitsmarktintegration')

    await first.page.getByRole('radio', { name: 'Wo hakt es?' }).check()
    await first.page.getByLabel('Deine Karte').fill('Anerkennung ausländischer Abschlüsse dauert zu lange')
    await first.page.getByRole('button', { name: '+ Unterpunkt hinzufügen' }).click()
    await first.page.getByRole('textbox', { name: 'Unterpunkt 1' }).fill('Wartezeit oft über 6 Monate')
    await first.page.getByRole('button', { name: '+ Unterpunkt hinzufügen' }).click()
    await first.page.getByRole('textbox', { name: 'Unterpunkt 2' }).fill('Zuständigkeiten unklar')
    const sentAt = Date.now()
    await first.page.getByRole('button', { name: 'Karte senden' }).click()

    const onProjector = projector.getByRole('list', { name: 'Wo hakt es?' }).getByText('Anerkennung ausländischer Abschlüsse dauert zu lange')
    await onProjector.waitFor({ timeout: 5000 })
    const latency = Date.now() - sentAt
    console.log(`card reached the projector after ${latency} ms`)
    expect(latency).toBeLessThan(1000)
    await expect(projector.getByText('Wartezeit oft über 6 Monate').isVisible()).resolves.toBe(true)
    await second.page.getByText('Anerkennung ausländischer Abschlüsse dauert zu lange', { exact: true }).waitFor({ timeout: 5000 })

    // The writer sees the server's confirmation on their own card.
    await first.page.getByText('gespeichert').waitFor({ timeout: 5000 })

    // The other table's board does not show it.
    const other = await phoneAtTable('Sprache')
    await other.page.getByText('Noch keine Karten', { exact: false }).first().waitFor()
    expect(await other.page.getByText('Anerkennung ausländischer Abschlüsse').count()).toBe(0)

    for (const c of [projectorContext, first.context, second.context, other.context]) await c.close()
  })

  it('keeps every card after kill -9 and a restart', async () => {
    const phone = await phoneAtTable('Sprache')
    await phone.page.getByLabel('Deine Karte').fill('Sprachkurse mit Kinderbetreuung')
    await phone.page.getByRole('button', { name: 'Karte senden' }).click()
    await phone.page.getByText('gespeichert').waitFor({ timeout: 5000 })
    await phone.context.close()

    await server.stop('SIGKILL')
    server = await startServerProcess({ dataDir: server.dataDir, env: { TISCHRUNDE_NO_DEMO: '1' } })

    const projectorContext = await browser.newContext(PROJECTOR)
    const projector = await projectorContext.newPage()
    await projector.goto(`${server.url}${created.links.projector.replace('#', '?table=sprache#')}`)
    await projector.getByText('Sprachkurse mit Kinderbetreuung').waitFor({ timeout: 5000 })
    await projector.goto(`${server.url}/e/${created.event.id}/projector?table=arbeitsmarktintegration`)
    await projector.getByText('Anerkennung ausländischer Abschlüsse dauert zu lange').waitFor({ timeout: 5000 })
    await projectorContext.close()
  })
})
