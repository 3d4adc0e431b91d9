import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECTOR } from './support/browser.js'
import { putCards } from './support/board-writer.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Internationales Café', tableNames: ['Sprache'] })
})
afterAll(async () => {
  await closeCafe(cafe)
})

describe('the projectors’ language, chosen from the console', () => {
  it('switches a German projector to English and back, the cards as written; a reloaded projector is told again', async () => {
    const { server, browser, created } = cafe
    await putCards(server.url, created, 'sprache', 'laeuft-gut', ['Sprachkurse am Abend'])
    const consoleContext = await browser.newContext(PROJECTOR)
    const projectorContext = await browser.newContext(PROJECTOR)
    try {
      const console_ = await consoleContext.newPage()
      await console_.goto(`${server.url}${created.links.facilitator}`)
      const projector = await projectorContext.newPage()
      await projector.goto(`${server.url}${created.links.projector.replace('#', '?table=sprache#')}`)
      await projector.getByText('Sprachkurse am Abend').waitFor()
      await projector.getByText('Noch keine Karten', { exact: false }).first().waitFor()
      expect(await projector.evaluate(() => document.documentElement.lang)).toBe('de')

      const language = console_.getByRole('combobox', { name: 'Sprache auf dem Beamer' })
      expect(await language.inputValue()).toBe('de')
      await language.selectOption('en')
      await projector.getByText('No cards yet', { exact: false }).first().waitFor({ timeout: 5000 })
      expect(await projector.evaluate(() => document.documentElement.lang)).toBe('en')
      await projector.getByText('Sprachkurse am Abend').waitFor()
      // The console itself stays German, and shows what the projectors were told.
      expect(await console_.evaluate(() => document.documentElement.lang)).toBe('de')
      expect(await language.inputValue()).toBe('en')

      // A projector reloaded (or switched on later) hears the last command: English again, without its address saying so.
      await projector.reload()
      await projector.getByText('No cards yet', { exact: false }).first().waitFor({ timeout: 5000 })

      await language.selectOption('de')
      await projector.getByText('Noch keine Karten', { exact: false }).first().waitFor({ timeout: 5000 })
      expect(await projector.evaluate(() => document.documentElement.lang)).toBe('de')
    } finally {
      await consoleContext.close()
      await projectorContext.close()
    }
  })
})
