import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE, PROJECTOR, launchBrowser } from './support/browser.js'
import { createEvent, decodeQr, freePort, writeCards } from './support/command-cafe.js'
import { facilitatorSocket } from './support/facilitator.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

const CONSOLE = { viewport: { width: 1440, height: 900 }, locale: 'de-DE' }

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
  created = await createEvent(server.url, { title: 'Regionalkonferenz Beispielstadt', tableNames: ['Arbeitsmarktintegration', 'Sprache'] })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

async function openConsole(path = created.links.facilitator): Promise<Page> {
  const page = await (await browser.newContext(CONSOLE)).newPage()
  await page.goto(`${server.url}${path}`)
  await page.getByRole('heading', { name: 'Regionalkonferenz Beispielstadt' }).waitFor()
  return page
}

async function secondsLeft(page: Page): Promise<number> {
  const timer = page.getByRole('timer').first()
  await timer.waitFor()
  return Number(await timer.getAttribute('data-seconds-left'))
}

describe('join address and QR code', () => {
  it('puts TISCHRUNDE_PUBLIC_URL into the QR codes even when the console and projector were opened on localhost', async () => {
    const port = await freePort()
    const publicUrl = `http://tischrunde.test:${port}`
    const pub = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1', PORT: String(port), TISCHRUNDE_PUBLIC_URL: publicUrl } })
    try {
      const local = `http://localhost:${port}`
      const event = await createEvent(local, { title: 'Öffentliche Adresse', tableNames: ['Sprache'] }, false)
      const console = await (await browser.newContext(CONSOLE)).newPage()
      await console.goto(`${local}${event.links.facilitator}`)
      await console.getByRole('heading', { name: 'Öffentliche Adresse' }).waitFor()
      await console.locator('.console-join img.qr').waitFor()
      // The code is drawn once the public address has come (GET /api/config): read it as a camera would, until it reads.
      await expect.poll(() => decodeQr(console, '.console-join img.qr'), { timeout: 5000 }).toBe(`${publicUrl}/j/${event.joinCode}`)
      expect(await console.getByRole('link', { name: `${publicUrl}/j/${event.joinCode}` }).count()).toBe(1)
      // A public address is set: no warning about the loopback address.
      expect(await console.getByText('erreicht kein Handy').count()).toBe(0)

      const projector = await (await browser.newContext(PROJECTOR)).newPage()
      await projector.goto(`${local}${event.links.projector.replace('#', '?mode=join#')}`)
      await projector.locator('.projector-join-screen img.qr').waitFor()
      await expect.poll(() => decodeQr(projector, '.projector-join-screen img.qr'), { timeout: 5000 }).toBe(`${publicUrl}/j/${event.joinCode}`)
      await projector.getByText(`tischrunde.test:${port}/j/${event.joinCode}`).waitFor()
    } finally {
      await pub.stop()
      removeDir(pub.dataDir)
    }
  })

  it('warns on a console opened at a loopback address when no public address is set', async () => {
    const console = await openConsole()
    await console.getByText('diese Adresse erreicht kein Handy', { exact: false }).waitFor()
  })
})

describe('the facilitator link of a new event', () => {
  it('is shown once, prominently, right after creating the event, and again on request', async () => {
    const page = await (await browser.newContext(CONSOLE)).newPage()
    // The organiser comes from the admin link the server printed (creating events needs it).
    await page.goto(`${server.url}/admin#k=${server.adminKey}`)
    await page.getByRole('link', { name: 'Neue Veranstaltung anlegen' }).click()
    await page.getByLabel('Titel').fill('Neue Konferenz')
    await page.getByLabel('Ort').fill('Bürgerhaus')
    await page.getByLabel('Thementische (einer pro Zeile)').fill('Sprache\nArbeit')
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click()
    const panel = page.getByRole('region', { name: 'Ihr Moderationslink' })
    await panel.waitFor()
    await panel.getByText('Dieser Link ist der Schlüssel zur Veranstaltung', { exact: false }).waitFor()
    const link = await panel.getByRole('textbox').inputValue()
    expect(link).toMatch(/\/e\/neue-konferenz\/console#k=.{20,}$/)
    expect(await panel.getByRole('button', { name: 'Link kopieren' }).isVisible()).toBe(true)
    expect(await panel.getByRole('button', { name: 'Als PDF/Druck speichern' }).isVisible()).toBe(true)
    await page.screenshot({ path: '/tmp/tischrunde-console-new.png' })
    // The address bar no longer holds the key; a reload does not show the panel by itself …
    expect(page.url()).not.toContain('#k=')
    await page.reload()
    await page.getByRole('heading', { name: 'Neue Konferenz' }).waitFor()
    expect(await panel.count()).toBe(0)
    // … but the console still holding the key shows the same link again.
    await page.getByRole('button', { name: 'Moderationslink anzeigen' }).click()
    expect(await panel.getByRole('textbox').inputValue()).toBe(link)
  })

  it('is shown right after creating the event in English too (a walk never saw it there)', async () => {
    const page = await (await browser.newContext(CONSOLE)).newPage()
    await page.goto(`${server.url}/admin#k=${server.adminKey}`)
    await page.getByRole('link', { name: 'Neue Veranstaltung anlegen' }).click()
    await page.getByRole('combobox', { name: 'Sprache / Language' }).selectOption('en')
    await page.getByLabel('Title').fill('Town Hall Café')
    await page.getByLabel('Theme tables (one per line)').fill('Housing\nJobs')
    await page.getByRole('button', { name: 'Create event' }).click()
    const panel = page.getByRole('region', { name: 'Your facilitator link' })
    await panel.waitFor({ timeout: 15_000 })
    expect(await panel.getByRole('textbox').inputValue()).toMatch(/\/e\/town-hall-cafe\/console#k=.{20,}$/)
    expect(page.url()).not.toContain('neu=')
    await page.context().close()
  })
})

describe('the console in command of the room', () => {
  it('keeps the control bar in view at the foot of a long console', async () => {
    const console = await openConsole()
    await console.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    const bar = console.locator('.console-bar')
    const box = await bar.boundingBox()
    expect(box!.y).toBeGreaterThanOrEqual(-1)
    expect(box!.y).toBeLessThan(10)
    expect(await console.getByRole('timer').first().isVisible()).toBe(true)
    expect(await console.getByRole('button', { name: 'Weiter: Station 2' }).isVisible()).toBe(true)
  })

  it('begins the review at the first table when the day moves on to it, whichever table the projector showed', async () => {
    const event = await createEvent(server.url, { title: 'Regionalkonferenz Nachbarort', tableNames: ['Arbeit', 'Sprache', 'Wohnen'] })
    const [projectorPath, projectorKey] = event.links.projector.split('#')
    const projector = await (await browser.newContext(PROJECTOR)).newPage()
    await projector.goto(`${server.url}${projectorPath}?mode=table&table=${event.event.tables[2]!.id}#${projectorKey}`)
    await projector.getByRole('heading', { name: 'Wohnen' }).waitFor()
    const facilitator = await facilitatorSocket(server.url, event.facilitatorToken)
    try {
      for (let step = 0; step < 4; step++) expect(await facilitator.advance()).toMatchObject({ ok: true })
      await projector.getByText('Tisch 1 von 3 · Station 1 von 3').waitFor({ timeout: 5000 })
    } finally {
      facilitator.close()
      await projector.context().close()
    }
  })

  it('drives the projector into the review, steps through it, and puts one card huge on the projector', async () => {
    const phone = await (await browser.newContext(PHONE)).newPage()
    await writeCards(phone, server, created, 'Arbeitsmarktintegration', 'Was läuft gut?', ['Sprachkurse mit Kinderbetreuung'])
    const projector = await (await browser.newContext(PROJECTOR)).newPage()
    await projector.goto(`${server.url}${created.links.projector}`)
    await projector.getByRole('heading', { name: /Alle Tische/ }).waitFor()
    const console = await openConsole()
    const remote = console.getByRole('region', { name: 'Beamer steuern' })

    await remote.getByRole('button', { name: 'Sichtung', exact: true }).click()
    await projector.getByText('Tisch 1 von 2 · Station 1 von 3').waitFor({ timeout: 5000 })
    await remote.getByRole('button', { name: 'Weiter →' }).click()
    await projector.getByText('Tisch 1 von 2 · Station 2 von 3').waitFor({ timeout: 5000 })
    await remote.getByRole('button', { name: 'Zurück', exact: false }).first().click()
    await projector.getByText('Tisch 1 von 2 · Station 1 von 3').waitFor({ timeout: 5000 })

    await remote.getByRole('button', { name: /Diese Karte groß auf dem Beamer zeigen: Sprachkurse mit Kinderbetreuung/ }).click()
    const spot = projector.locator('.projector-spotlight .spotlight-card')
    await spot.getByText('Sprachkurse mit Kinderbetreuung').waitFor({ timeout: 5000 })
    expect(Number.parseFloat(await spot.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(80)
    await console.getByRole('button', { name: 'Groß-Anzeige beenden' }).click()
    await spot.waitFor({ state: 'detached', timeout: 5000 })

    // The projector's own keys still work; the next command from the console wins again.
    await projector.keyboard.press('2')
    await projector.getByRole('heading', { name: /Alle Tische/ }).waitFor()
    await remote.getByRole('button', { name: 'Beitreten' }).click()
    await projector.getByRole('heading', { name: 'Mitmachen mit dem Handy' }).waitFor({ timeout: 5000 })
  })

  it('goes back one step with the time the station had left, and shortcuts N and B act only on a second press', async () => {
    const console = await openConsole()
    const projector = await (await browser.newContext(PROJECTOR)).newPage()
    await projector.goto(`${server.url}${created.links.projector}`)
    await console.getByLabel('Auf Minuten setzen').fill('7')
    await console.getByRole('button', { name: 'Setzen', exact: true }).click()
    await expect.poll(() => secondsLeft(console)).toBeLessThanOrEqual(7 * 60)

    await console.keyboard.press('n')
    await console.getByText('Noch einmal N drücken: Weiter: Station 2').waitFor()
    expect(await console.getByText('Läuft: Station 1').count()).toBe(1)
    await console.keyboard.press('n')
    // Changeover: phones move, the projector says so, the station's time waits whole (the console does not say "läuft" yet).
    await console.getByText('Wechsel, als Nächstes: Station 2').waitFor()
    await projector.getByRole('heading', { name: 'Bitte wechseln' }).waitFor({ timeout: 5000 })
    // The notice stands above whatever the projector shows (a table's name and countdown stay in view below it).
    const notice = (await projector.locator('.projector-changeover').boundingBox())!
    expect((await projector.locator('.projector-stage').boundingBox())!.y).toBeGreaterThanOrEqual(notice.y + notice.height - 1)
    await console.getByText(/Wechselzeit: noch 1:5\d|Wechselzeit: noch 2:00/).waitFor()
    expect(await secondsLeft(console)).toBe(20 * 60)

    await console.keyboard.press('b')
    await console.getByText('Noch einmal B drücken: Einen Schritt zurück').waitFor()
    await console.keyboard.press('b')
    await console.getByText('Läuft: Station 1').waitFor()
    const left = await secondsLeft(console)
    expect(left).toBeLessThanOrEqual(7 * 60)
    expect(left).toBeGreaterThan(7 * 60 - 30)
    await projector.getByRole('heading', { name: 'Bitte wechseln' }).waitFor({ state: 'detached', timeout: 5000 })
  })

  it('asks before ending the event, and the projector follows the console into the review', async () => {
    const event = await createEvent(server.url, { title: 'Regionalkonferenz Beispielstadt', tableNames: ['Sprache'] })
    const console = await openConsole(event.links.facilitator)
    const projector = await (await browser.newContext(PROJECTOR)).newPage()
    await projector.goto(`${server.url}${event.links.projector}`)
    await projector.keyboard.press('1') // the projector's own choice: one table
    await projector.getByRole('heading', { name: 'Sprache' }).waitFor()
    for (const next of ['Weiter: Station 2', 'Weiter: Station 3', 'Weiter: Sichtung der Ergebnisse']) {
      await console.getByRole('button', { name: next }).click()
      await console.getByRole('button', { name: next }).waitFor({ state: 'detached' })
    }
    await projector.getByText('Tisch 1 von 1 · Station 1 von 3').waitFor({ timeout: 5000 })

    await console.getByRole('button', { name: 'Veranstaltung beenden' }).click()
    const ask = console.getByRole('alertdialog', { name: 'Veranstaltung wirklich beenden?' })
    await ask.waitFor()
    await ask.getByRole('button', { name: 'Abbrechen' }).click()
    expect(await console.getByText('Sichtung der Ergebnisse', { exact: true }).count()).toBeGreaterThan(0)
    await console.getByRole('button', { name: 'Veranstaltung beenden' }).click()
    await console.getByRole('button', { name: 'Ja, beenden' }).click()
    await console.getByText('Beendet', { exact: true }).waitFor()
  })

  it('words its error messages in English on an English console, with no German left', async () => {
    const console = await openConsole(created.links.facilitator.replace('#', '?lang=en#'))
    await console.getByRole('button', { name: 'Show facilitator link' }).waitFor()
    await console.getByText('Round settings').click()
    await console.getByLabel('Minutes per station').fill('2.5')
    await console.getByRole('button', { name: 'Apply' }).click()
    await console.getByText('Minutes per station: Please enter a whole number.').waitFor()
    await console.getByLabel('Set to minutes').fill('999')
    await console.getByLabel('Changeover between stations (seconds)').fill('99999')
    await console.getByRole('button', { name: 'Apply' }).click()

    const bad = await (await browser.newContext({ ...CONSOLE, locale: 'en-GB' })).newPage()
    await bad.goto(`${server.url}/e/${created.event.id}/console?lang=en#k=not-a-valid-key`)
    const texts = [...(await console.getByRole('alert').allInnerTexts()), ...(await bad.getByRole('alert').allInnerTexts())].filter((s) => s.trim())
    await bad.getByRole('alert').first().waitFor()
    texts.push(...(await bad.getByRole('alert').allInnerTexts()))
    expect(texts.length).toBeGreaterThan(1)
    for (const text of texts) expect(text).not.toMatch(/[äöüßÄÖÜ]|\b(der|die|das|bitte|nicht|und|ist|eine|Minuten|Veranstaltung|Zahl)\b/i)
  })
})
