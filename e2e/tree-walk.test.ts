import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { axeViolations } from './support/axe.js'
import { PHONE, PROJECTOR, launchBrowser } from './support/browser.js'
import { facilitatorSocket } from './support/facilitator.js'
import { type ServerProcess, createEventWithKey, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
  created = await createEventWithKey(server, { title: 'Reflexionsgruppen', date: '2018-06-26', tableNames: [], treeMethod: { phaseStations: { problem: 'station-1', objective: 'station-2' } } })
  const facilitator = await facilitatorSocket(server.url, created.facilitatorToken)
  await facilitator.advance()
  facilitator.close()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

/** The tree method's screens walked with axe-core (WCAG 2.1 A and AA), in German and English. */
describe('the tree screens pass axe in both languages', () => {
  it.each(['de', 'en'] as const)('%s: phone, console and projector with a tree in them', async (lang) => {
    const locale = lang === 'de' ? 'de-DE' : 'en-GB'
    const open = async (options: object, url: string) => {
      const context = await browser.newContext({ ...options, locale })
      await context.addInitScript((l) => window.localStorage.setItem('tischrunde.lang', l), lang)
      const page = await context.newPage()
      await page.goto(`${server.url}${url}`)
      return page
    }
    const violations: string[] = []
    const phone = await open(PHONE, created.links.participant)
    await phone.getByRole('button', { name: 'kleiner Landkreis', exact: true }).click()
    await phone.getByRole('textbox').fill(`Kernproblem ${lang}`)
    await phone.getByRole('button', { name: lang === 'de' ? 'Senden' : 'Send' }).click()
    await phone.getByText(`Kernproblem ${lang}`).first().waitFor()
    violations.push(...(await axeViolations(phone)).map((v) => `phone: ${v}`))

    const console_ = await open({ viewport: { width: 1440, height: 900 } }, created.links.facilitator)
    await console_.getByText(`Kernproblem ${lang}`).first().waitFor({ timeout: 10_000 })
    violations.push(...(await axeViolations(console_)).map((v) => `console: ${v}`))

    const projector = await open(PROJECTOR, created.links.projector.replace('#', '?group=kleiner-landkreis&compare=grosser-landkreis#'))
    await projector.locator('.tree-box').first().waitFor({ timeout: 10_000 })
    violations.push(...(await axeViolations(projector)).map((v) => `projector: ${v}`))
    await Promise.all([phone, console_, projector].map((p) => p.context().close()))
    expect(violations).toEqual([])
  })
})
