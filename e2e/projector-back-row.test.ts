import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PROJECTOR, launchBrowser } from './support/browser.js'
import { putCards } from './support/board-writer.js'
import { createEvent, minFontPx } from './support/command-cafe.js'
import { facilitatorSocket } from './support/facilitator.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser
let created: CreateEventResponse

const TABLES = ['Arbeitsmarktintegration und Ausbildungsförderung', 'Gesundheitsversorgung für Geflüchtete', 'Sprache', 'Wohnraumversorgung', 'Ehrenamtskoordination', 'Kinderbetreuung']
/** Cards as people write them at a municipal conference: long German compounds included. */
const CARD_TEXTS = [
  'Anerkennungsverfahren für ausländische Berufsabschlüsse dauern viel zu lange',
  'Sprachkurse mit Kinderbetreuung am Abend anbieten',
  'Ausbildungsplatzvermittlung gemeinsam mit der Handwerkskammer',
  'Ehrenamtliche Patenschaften funktionieren gut',
  'Integrationsmanagement braucht verlässliche Finanzierung',
  'Wohnungsbaugesellschaften stärker einbinden',
]
const cardText = (i: number) => `${CARD_TEXTS[i % CARD_TEXTS.length]} (${i + 1})`

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1', TISCHRUNDE_CARDS_BURST: '100', TISCHRUNDE_CARDS_PER_MINUTE: '600' } })
  browser = await launchBrowser()
  created = await createEvent(server.url, { title: 'Regionalkonferenz Rückreihe', tableNames: TABLES })
  // The cards come over the wire in one go: this file is about what the projector shows of them.
  await putCards(server.url, created, created.event.tables[0]!.id, 'laeuft-gut', Array.from({ length: 24 }, (_, i) => cardText(i)))
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

/** A projector on `query`; with `clock`, its timers run on a clock the test can move forward. */
async function projectorAt(query: string, options: { clock?: boolean } = {}): Promise<Page> {
  const page = await (await browser.newContext(PROJECTOR)).newPage()
  if (options.clock) await page.clock.install()
  await page.goto(`${server.url}${created.links.projector.replace('#', `?${query}#`)}`)
  return page
}

describe('a projector readable from the back row (1920×1080)', () => {
  it('keeps card text at 28 px or more with 24 cards, on the table board and in the review, on one page', async () => {
    const table = await projectorAt('mode=table&table=arbeitsmarktintegration-und-ausbildungsforderung')
    await table.getByText(cardText(23)).waitFor()
    const onTable = await minFontPx(table, '.pboard .card-text')
    const review = await projectorAt('mode=review&table=arbeitsmarktintegration-und-ausbildungsforderung&station=1')
    await review.getByText(cardText(23)).waitFor()
    const inReview = await minFontPx(review, '.pboard .card-text')
    console.info(`smallest card text at 24 cards: table ${onTable.toFixed(1)} px, review ${inReview.toFixed(1)} px`)
    await table.screenshot({ path: '/tmp/tischrunde-projector-24.png' })
    await review.screenshot({ path: '/tmp/tischrunde-projector-review-24.png' })
    expect(onTable).toBeGreaterThanOrEqual(28)
    expect(inReview).toBeGreaterThanOrEqual(28)
    expect(await table.getByText(/Seite \d von \d/).count()).toBe(0)
    expect(await review.getByText(/Seite \d von \d/).count()).toBe(0)
  })

  it('shows every table name in full on the wall, broken at syllables, with card text of 28 px or more', async () => {
    const wall = await projectorAt('mode=wall')
    await wall.getByText(cardText(23)).waitFor()
    await wall.screenshot({ path: '/tmp/tischrunde-projector-wall.png' })
    await wall.waitForFunction(() => document.querySelector('.wall-tile-title')?.textContent?.includes('\u00AD'))
    const clipped = await wall.$$eval('.wall-tile-title', (titles) =>
      titles.filter((t) => t.scrollHeight > t.clientHeight + 1 || t.getBoundingClientRect().bottom > t.closest('.wall-tile')!.getBoundingClientRect().bottom).map((t) => t.textContent),
    )
    expect(clipped).toEqual([])
    // Soft hyphens sit at syllables: "Arbeits|markt|in|te|gra|tion", never mid-syllable.
    const name = await wall.locator('.wall-tile-title').first().textContent()
    expect(name!.replace(/\u00AD/g, '')).toBe(TABLES[0])
    expect(name).toContain('beits\u00ADmarkt\u00ADin')
    const wallText = await minFontPx(wall, '.wall-card-text')
    const names = await minFontPx(wall, '.wall-tile-title')
    console.info(`wall: smallest card text ${wallText.toFixed(1)} px, table names ${names.toFixed(1)} px`)
    expect(wallText).toBeGreaterThanOrEqual(28)
  })

  it('shows only whole cards in the wall’s tiles of eleven tables (one that does not fit is left out, not cut in half)', async () => {
    const names = ['Frauen, Kinderbetreuung, Sprache', 'Digitalisierung, Umsetzung des Integrationsplans', 'Verstetigung IntMan, Nachhaltigkeit', 'Einzelkämpfer im ländlichen Raum', 'Arbeitsmarktintegration', 'Zivilgesellschaft, Hilfe zur Selbsthilfe', 'Statusfragen, Zusammenarbeit mit Ausländerbehörde', 'Rolle der Frau, häusliche Gewalt', 'Selbstverständnis, Rolle IntMan', 'Gesundheit, psychosoziale Beratung', 'Rahmenbedingungen']
    const day = await createEvent(server.url, { title: 'Elf Thementische', tableNames: names })
    for (const table of day.event.tables.slice(0, 3)) await putCards(server.url, day, table.id, 'laeuft-gut', [cardText(0), cardText(4), cardText(6)])
    const wall = await (await browser.newContext(PROJECTOR)).newPage()
    await wall.goto(`${server.url}${day.links.projector.replace('#', '?mode=wall#')}`)
    // The two newest of each table's three.
    await expect.poll(() => wall.locator('.wall-card').count(), { timeout: 10_000 }).toBe(6)
    await wall.screenshot({ path: '/tmp/tischrunde-projector-wall-11.png' })
    const shown = await wall.$$eval('.wall-card', (cards) =>
      cards.map((c) => {
        const r = c.getBoundingClientRect()
        const list = c.parentElement!.getBoundingClientRect()
        const inside = r.left >= list.left - 1 && r.right <= list.right + 1
        return { inside, cut: inside && (r.top < list.top - 1 || r.bottom > list.bottom + 1) }
      }),
    )
    expect(shown.filter((c) => c.cut)).toEqual([])
    expect(shown.filter((c) => c.inside).length).toBeGreaterThanOrEqual(3)
  })

  it('breaks a long column heading at syllables, with a hyphen, in a narrow column (not after any letter)', async () => {
    // Station 2 of an event of its own: a full first column leaves the empty one beside it narrow.
    const day = await createEvent(server.url, { title: 'Zweite Station', tableNames: ['Gesundheitsversorgung'] })
    const facilitator = await facilitatorSocket(server.url, day.facilitatorToken)
    try {
      for (let step = 0; step < 4 && facilitator.round().stationIndex < 1; step++) {
        const version = facilitator.round().version
        expect(await facilitator.advance()).toMatchObject({ ok: true })
        await expect.poll(() => facilitator.round().version).not.toBe(version)
      }
    } finally {
      facilitator.close()
    }
    await putCards(server.url, day, day.event.tables[0]!.id, 'ziele', Array.from({ length: 12 }, (_, i) => cardText(i)), 'station-2')
    const review = await (await browser.newContext(PROJECTOR)).newPage()
    await review.goto(`${server.url}${day.links.projector.replace('#', `?mode=table&table=${day.event.tables[0]!.id}#`)}`)
    await expect.poll(() => review.locator('.pboard .card').count(), { timeout: 10_000 }).toBe(12)
    const heading = review.locator('.pboard-column-title', { hasText: 'Was soll ein' })
    await expect.poll(() => heading.evaluate((h) => h.textContent!.includes('\u00AD')), { timeout: 10_000 }).toBe(true)
    // Where a line ends, the text from its last letter to the next line's first holds a space, a soft hyphen, "-" or "/".
    const brokenInWords = await heading.evaluate((h) => {
      const text = h.firstChild as Text
      const range = document.createRange()
      const found: string[] = []
      let last = -1
      let lastTop = Number.NaN
      for (let i = 0; i < text.length; i++) {
        range.setStart(text, i)
        range.setEnd(text, i + 1)
        // A letter after a soft hyphen's break has two boxes: the hyphen shown at the line's end, then itself.
        const rects = range.getClientRects()
        const rect = rects[rects.length - 1]
        if (!rect || rect.width === 0) continue
        if (rect.top > lastTop + 1 && !/[\s\u00AD/-]/.test(text.data.slice(last, i + 1))) found.push(text.data.slice(Math.max(0, i - 6), i + 3).replace(/\u00AD/g, ''))
        last = i
        lastTop = rect.top
      }
      return found
    })
    await review.screenshot({ path: '/tmp/tischrunde-projector-column-heading.png' })
    expect(brokenInWords).toEqual([])
  })

  it('pages a denser board with a visible "Seite 1 von 2" instead of shrinking its text below 28 px', async () => {
    await putCards(server.url, created, created.event.tables[0]!.id, 'hakt-es', Array.from({ length: 20 }, (_, i) => cardText(24 + i)))
    const table = await projectorAt('mode=table&table=arbeitsmarktintegration-und-ausbildungsforderung', { clock: true })
    // The last card is on the board; in the order written it stands on the last page, hidden on this one.
    await table.getByText(cardText(43)).waitFor({ state: 'attached' })
    const label = table.getByText(/Seite 1 von [2-9]/)
    await label.waitFor({ timeout: 5000 })
    expect(await minFontPx(table, '.pboard .card-text')).toBeGreaterThanOrEqual(28)
    await table.screenshot({ path: '/tmp/tischrunde-projector-44.png' })
    // Each page shows its cards whole (none cut at the board's edge) and every column under its heading.
    const pageShows = () =>
      table.locator('.pboard').evaluate((board) => {
        const box = board.getBoundingClientRect()
        const shown = [...board.querySelectorAll('.card')].filter((c) => getComputedStyle(c).visibility !== 'hidden').map((c) => c.getBoundingClientRect())
        const visible = (r: DOMRect) => r.bottom > box.top && r.top < box.bottom
        return {
          cut: shown.filter((r) => visible(r) && (r.top < box.top - 1 || r.bottom > box.bottom + 1)).length,
          cards: shown.filter(visible).length,
          texts: [...board.querySelectorAll('.card')].filter((c) => getComputedStyle(c).visibility !== 'hidden' && visible(c.getBoundingClientRect())).map((c) => c.querySelector('.card-text')?.textContent ?? ''),
          headings: [...board.querySelectorAll('.pboard-column-title')].filter((h) => { const r = h.getBoundingClientRect(); return r.top >= box.top - 1 && r.bottom <= box.bottom }).length,
        }
      })
    const first = await pageShows()
    expect(first).toMatchObject({ cut: 0, headings: 2 })
    // The page turns by itself every 12 s: the projector's clock is moved on instead of waited for.
    await table.clock.fastForward(12_000)
    await table.getByText(/Seite 2 von [2-9]/).waitFor({ timeout: 5000 })
    await table.screenshot({ path: '/tmp/tischrunde-projector-44-page-2.png' })
    const second = await pageShows()
    expect(second).toMatchObject({ cut: 0, headings: 2 })
    // Between them the pages show all 44 cards, each once (a card beside a cut one was on both).
    expect(first.cards + second.cards).toBeGreaterThanOrEqual(44)
    expect(first.texts.filter((text) => second.texts.includes(text))).toEqual([])
  })
})

describe('the gong is heard', () => {
  it('keeps the groups view of a column with 24 ungrouped cards on the screen, its type shrunk as far as needed', async () => {
    const groups = await projectorAt(`mode=gruppen&tisch=${created.event.tables[0]!.id}&spalte=station-1/laeuft-gut`)
    const loose = groups.locator('.gboard-loose .gboard-card')
    await expect.poll(() => loose.count(), { timeout: 10_000 }).toBe(24)
    await expect.poll(() => loose.last().evaluate((el) => el.getBoundingClientRect().bottom), { timeout: 5000 }).toBeLessThanOrEqual(1080)
    expect(await loose.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16)
    await groups.context().close()
  })

  it('asks to enable sound until someone clicks, and claims "Ton an" only then', async () => {
    // Headless Chromium always lets pages play sound; a projector laptop's browser does not until someone
    // clicks in the page. The context gets that rule: audio starts suspended and resumes only on a gesture.
    const context = await browser.newContext(PROJECTOR)
    await context.addInitScript(() => {
      const Real = window.AudioContext
      window.AudioContext = class extends Real {
        constructor(options?: AudioContextOptions) {
          super(options)
          void super.suspend()
        }
        override resume(): Promise<void> {
          return navigator.userActivation.isActive ? super.resume() : Promise.reject(new DOMException('autoplay', 'NotAllowedError'))
        }
      }
    })
    const projector = await context.newPage()
    await projector.goto(`${server.url}${created.links.projector.replace('#', '?mode=wall#')}`)
    await projector.getByRole('heading', { name: /Alle Tische/ }).waitFor()
    await projector.screenshot({ path: '/tmp/tischrunde-projector-sound.png' })
    const prompt = projector.getByRole('button', { name: 'Ton aktivieren' })
    await prompt.waitFor()
    expect(await projector.getByRole('button', { name: /Ton an/ }).count()).toBe(0)
    await prompt.click()
    await prompt.waitFor({ state: 'detached' })
    await projector.getByRole('button', { name: /Ton an/ }).waitFor()
  })
})

describe('dead ends get a way out', () => {
  it('says so when the projector key is wrong, instead of loading forever', async () => {
    const page = await (await browser.newContext(PROJECTOR)).newPage()
    await page.goto(`${server.url}/e/${created.event.id}/projector#k=not-a-key`)
    await page.getByRole('alert').getByText('Dieser Beamer-Link ist ungültig oder wurde ersetzt', { exact: false }).waitFor({ timeout: 5000 })
  })

  it('names the event a key of another event belongs to', async () => {
    const other = await createEvent(server.url, { title: 'Fachtag Nachbarstadt', tableNames: ['Sprache'] }, false)
    const page = await (await browser.newContext(PROJECTOR)).newPage()
    await page.goto(`${server.url}/e/${created.event.id}/projector${other.links.projector.slice(other.links.projector.indexOf('#'))}`)
    await page.getByText('Dieser Schlüssel gehört zur Veranstaltung „Fachtag Nachbarstadt“', { exact: false }).waitFor({ timeout: 5000 })
    // The console says the same of a facilitator link, and opens the right event from there.
    const console = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'de-DE' })).newPage()
    await console.goto(`${server.url}/e/${created.event.id}/console${other.links.facilitator.slice(other.links.facilitator.indexOf('#'))}`)
    await console.getByText('Dieser Moderationslink gehört zur Veranstaltung „Fachtag Nachbarstadt“', { exact: false }).waitFor({ timeout: 5000 })
    await console.getByRole('link', { name: '„Fachtag Nachbarstadt“ öffnen' }).click()
    await console.getByRole('heading', { name: 'Fachtag Nachbarstadt' }).waitFor()
  })

  it('tells every open screen that the event was deleted, and stops the timer', async () => {
    const doomed = await createEvent(server.url, { title: 'Wird gelöscht', tableNames: ['Sprache'] })
    const projector = await (await browser.newContext(PROJECTOR)).newPage()
    await projector.goto(`${server.url}${doomed.links.projector}`)
    await projector.getByRole('timer').first().waitFor()
    const console = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'de-DE' })).newPage()
    await console.goto(`${server.url}${doomed.links.facilitator}`)
    await console.getByRole('timer').first().waitFor()
    // The console asks for the programme once it is online: wait for the answer. A command still in
    // flight when the event goes is refused and its socket dropped before "gelöscht" is sent, so
    // the screen would reconnect, be refused, and never say it.
    await console.locator('.programme-console').getByText('Noch kein Programm. Ein Programm mit Arbeitsphasen und Workshops zur Wahl ersetzt', { exact: false }).waitFor()
    const res = await fetch(`${server.url}/api/events/${doomed.event.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${doomed.facilitatorToken}` } })
    expect(res.status).toBe(204)
    for (const page of [projector, console]) {
      await page.getByText('Diese Veranstaltung wurde gelöscht').waitFor({ timeout: 5000 })
      expect(await page.getByRole('timer').count()).toBe(0)
    }
  })
})
