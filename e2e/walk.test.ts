import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeCheck } from './support/axe.js'
import { PHONE, PROJECTOR, launchBrowser } from './support/browser.js'
import { facilitatorSocket } from './support/facilitator.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser
let links: { console: string; projector: string; join: string; admin: string }
let attempts = 0

beforeAll(async () => {
  // With the Winnenden demo: a full event with boards to look at.
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '' } })
  browser = await launchBrowser()
  const out = server.output()
  const path = (label: string) => new URL(new RegExp(`${label}:\\s+(\\S+)`).exec(out)![1]!).href.replace(/^https?:\/\/[^/]+/, '')
  links = { console: path('Moderation'), projector: path('Beamer'), join: path('Teilnehmende'), admin: `/admin#k=${server.adminKey}` }
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

interface Walk {
  context: BrowserContext
  foreign: string[]
  violations: string[]
  check(page: Page, where: string): Promise<void>
}

/** A browser context in one language that records foreign requests and axe violations. */
async function walk(lang: 'de' | 'en', options: Parameters<Browser['newContext']>[0]): Promise<Walk> {
  const context = await browser.newContext({ ...options, locale: lang === 'de' ? 'de-DE' : 'en-GB' })
  await context.addInitScript((l) => window.localStorage.setItem('tischrunde.lang', l), lang)
  // Whatever the page's CSP refuses (an inline style, a foreign font) is recorded for check().
  await context.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`))
  })
  const origin = new URL(server.url).origin
  const foreign: string[] = []
  const note = (url: string) => {
    if (/^(data|blob|about):/.test(url)) return
    const u = new URL(url)
    if (`${u.protocol.replace('ws', 'http')}//${u.host}` !== origin) foreign.push(url)
  }
  context.on('request', (r) => note(r.url()))
  context.on('page', (p) => p.on('websocket', (ws) => note(ws.url())))
  const violations: string[] = []
  return {
    context,
    foreign,
    violations,
    async check(page, where) {
      await page.waitForLoadState('networkidle').catch(() => {})
      const found = await axeCheck(page)
      // axe really looked (rules passed), and the page speaks the language walked.
      if (found.passes < 5) violations.push(`${lang} ${where}: axe checked only ${found.passes} rules`)
      if (found.lang !== lang) violations.push(`${lang} ${where}: the page says lang="${found.lang}"`)
      for (const v of found.violations) violations.push(`${lang} ${where}: ${v}`)
      const csp = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
      for (const v of csp) violations.push(`${lang} ${where}: CSP ${v}`)
    },
  }
}

/** Creates an event and deletes it again; answers its join code. */
async function createAndDelete(): Promise<string> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` }
  const res = await fetch(`${server.url}/api/events`, { method: 'POST', headers, body: JSON.stringify({ title: 'Gelöschte Runde', date: '2026-11-23', tableNames: ['A'] }) })
  const created = (await res.json()) as { event: { id: string }; joinCode: string }
  await fetch(`${server.url}/api/events/${created.event.id}`, { method: 'DELETE', headers })
  return created.joinCode
}

/**
 * Every route in German and English, walked as people use them: no request leaves the app's own
 * origin, the Content-Security-Policy blocks nothing the app does (a blocked style or script would
 * be a broken screen), and axe-core (WCAG 2.1 A and AA) finds no violation on any screen.
 */
describe.each(['de', 'en'] as const)('every screen in %s', (lang) => {
  // One long walk over every screen: on a busy two-core machine it takes more than a minute.
  it('talks to no other origin and has no WCAG 2.1 AA violation', { timeout: 150_000 }, async () => {
    const desk = await walk(lang, { viewport: { width: 1440, height: 900 } })
    const page = await desk.context.newPage()
    await page.goto(`${server.url}/`)
    await desk.check(page, 'start page')
    await page.goto(`${server.url}${links.admin}`)
    await page.getByRole('heading').first().waitFor()
    await desk.check(page, 'admin')
    await page.goto(`${server.url}${links.console}`)
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await desk.check(page, 'console')
    // The retention panel opened: the date field, "delete now".
    await page.locator('.console-retention summary').click()
    await desk.check(page, 'console, retention opened')
    // A station running (once per server: the English walk finds it running already).
    const facilitator = await facilitatorSocket(server.url, decodeURIComponent(links.console.slice(links.console.indexOf('#k=') + 3)))
    if (facilitator.round().phase === 'before-start') expect((await facilitator.advance()).ok).toBe(true)
    facilitator.close()
    await page.locator('.round-phase', { hasText: lang === 'de' ? 'läuft' : 'running' }).waitFor()
    await desk.check(page, 'console, station running')

    const wall = await walk(lang, PROJECTOR)
    const projector = await wall.context.newPage()
    await projector.goto(`${server.url}${links.projector}`)
    await projector.locator('main, [role="main"]').first().waitFor()
    for (const [key, mode, name] of [['1', 'table', 'one table'], ['2', 'wall', 'all tables'], ['3', 'review', 'review'], ['4', 'join', 'join screen']] as const) {
      await projector.keyboard.press(key)
      await projector.locator(`main.projector-mode-${mode} .projector-stage > *`).first().waitFor()
      await wall.check(projector, `projector, ${name}`)
    }
    // The actor map ("Wer kann helfen?"), as the console's remote or its link shows it.
    await projector.goto(`${server.url}${links.projector.replace('#', '?mode=actors#')}`)
    await projector.locator('.actor-columns .actor-chip').first().waitFor()
    await wall.check(projector, 'projector, actor map')

    const hand = await walk(lang, PHONE)
    const phone = await hand.context.newPage()
    await phone.goto(`${server.url}${links.join}`)
    await phone.getByRole('button').first().waitFor()
    await hand.check(phone, 'phone, choosing a table')
    await phone.getByRole('button', { name: 'Arbeitsmarktintegration' }).click()
    await phone.locator('.add-card textarea').first().waitFor()
    await hand.check(phone, 'phone, at a table')
    // A card written and saved, then the board with it.
    // A text of its own per attempt: a retried walk finds the card of the first try on the board too.
    const card = `Karte aus dem Rundgang (${lang}, ${++attempts})`
    await phone.locator('.add-card textarea').first().fill(card)
    await phone.locator('.add-card button[type="submit"]').click()
    await phone.locator('.card-list li', { hasText: card }).waitFor()
    await hand.check(phone, 'phone, with a card sent')
    // Privacy notice, imprint and "Meine Beiträge löschen", one tap from the board.
    await phone.locator('.phone-privacy button').click()
    await phone.locator('.phone-privacy-panel').waitFor()
    await hand.check(phone, 'phone, privacy notice')

    // A deleted event's link: a plain page that says so.
    const gone = await createAndDelete()
    await phone.goto(`${server.url}/j/${gone}`)
    await phone.getByRole('heading', { level: 1 }).waitFor()
    await hand.check(phone, 'deleted event page')

    // Windows high contrast and "reduce motion": the projector's wall and a phone's board, with no
    // animation running at all.
    const still = await walk(lang, { ...PROJECTOR, reducedMotion: 'reduce', forcedColors: 'active' })
    const calm = await still.context.newPage()
    await calm.goto(`${server.url}${links.projector}`)
    await calm.locator('main, [role="main"]').first().waitFor()
    await calm.keyboard.press('2')
    await calm.locator('main.projector-mode-wall .projector-stage > *').first().waitFor()
    await still.check(calm, 'projector, all tables, forced colours and reduced motion')
    const moving = await calm.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)
    if (moving > 0) still.violations.push(`${lang} projector with reduced motion: ${moving} animations running`)

    const foreign = [...desk.foreign, ...wall.foreign, ...hand.foreign, ...still.foreign]
    const violations = [...desk.violations, ...wall.violations, ...hand.violations, ...still.violations]
    console.log(`[walk] ${lang}: ${violations.length} axe violations, ${foreign.length} requests to other origins`)
    for (const c of [desk, wall, hand, still]) await c.context.close()
    expect(foreign).toEqual([])
    expect(violations).toEqual([])
    // Every screen of a day, twice over for forced colours: more than the default minute on a busy machine.
  }, 150_000)
})
