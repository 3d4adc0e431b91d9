import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { PHONE, launchBrowser } from './support/browser.js'
import { type ServerProcess, removeDir, startServerProcess } from './support/server-process.js'
import { socketTimeline } from './support/web-sockets.js'

let server: ServerProcess
let browser: Browser
let created: CreateEventResponse
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
  const res = await fetch(`${server.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` },
    body: JSON.stringify({ title: 'Reflexionsgruppen Bremen', date: '2018-06-26', place: 'KWADRAT', tableNames: [], treeMethod: {} }),
  })
  created = (await res.json()) as CreateEventResponse
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

/** A phone whose sockets are told from its first page on: opens and closes with their times (`socketTimeline`), and the close codes the page saw. */
interface WatchedPhone {
  page: Page
  story: () => Promise<string>
  /** Every tree socket the page opened, from its first page on. */
  treeSockets: () => string[]
}

async function phoneInGroup(value: string): Promise<Page>
async function phoneInGroup(value: string, watched: true): Promise<WatchedPhone>
async function phoneInGroup(value: string, watched = false): Promise<Page | WatchedPhone> {
  const context = await browser.newContext(PHONE)
  contexts.push(context)
  // Close codes are not on the wire events Playwright reports: the page notes each socket's close itself.
  if (watched) await context.addInitScript(recordSocketCloses)
  const page = await context.newPage()
  const timeline = watched ? socketTimeline(page) : null
  const treeSockets: string[] = []
  if (watched) page.on('websocket', (ws) => ws.url().includes('/yjs/tree.') && treeSockets.push(new URL(ws.url()).pathname))
  await page.goto(`${server.url}${created.links.participant}`)
  await page.getByRole('heading', { name: 'Kommunengröße: Wo arbeitest du?' }).waitFor()
  await page.getByRole('button', { name: value, exact: true }).click()
  await page.getByText(`Gruppe: ${value}`).waitFor()
  if (!timeline) return page
  const closes = (p: Page) => p.evaluate(() => (window as unknown as { socketCloses?: string[] }).socketCloses ?? []).catch(() => [])
  return { page, story: async () => `${timeline()}\nclose codes the page saw:\n${(await closes(page)).join('\n')}`, treeSockets: () => [...treeSockets] }
}

/** Runs in the page before its scripts: notes every WebSocket's close (time, code, reason, path). */
function recordSocketCloses() {
  const Native = window.WebSocket
  const closes: string[] = []
  ;(window as unknown as { socketCloses: string[] }).socketCloses = closes
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      const path = new URL(String(url), window.location.href).pathname
      this.addEventListener('close', (event) => void closes.push(`${Math.round(performance.now())} ms  close ${event.code} ${event.reason} ${path}`))
    }
  }
}

/** Whether the page scrolls sideways (it must not at 360 px). */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)

describe('the problem tree on phones (360×740)', () => {
  it('builds a tree as an outline: core problem, a cause with one tap, an effect, a cause under a cause; another phone of the group sees it', async () => {
    const anna = await phoneInGroup('kleiner Landkreis')
    const outline = anna.getByRole('list', { name: 'Problembaum der Gruppe kleiner Landkreis als Gliederung' })
    await anna.getByText('Noch kein Kernproblem').waitFor()

    await anna.getByLabel('Text').fill('Zusammenarbeit mit Vereinen bleibt punktuell')
    await anna.getByRole('button', { name: 'Senden' }).click()
    await outline.getByRole('button', { name: 'Kernproblem 1: Zusammenarbeit mit Vereinen bleibt punktuell' }).waitFor()
    // Not hidden under the form that stays at the foot of the screen.
    const shown = async () => {
      const core = await outline.getByRole('button', { name: 'Kernproblem 1: Zusammenarbeit mit Vereinen bleibt punktuell' }).boundingBox()
      const form = await anna.locator('.tree-add').boundingBox()
      return core !== null && form !== null && core.y + core.height <= form.y + 1
    }
    await expect.poll(shown, { timeout: 5000 }).toBe(true)

    // The form at the foot leaves most of the phone to the tree (it took 41 % of a 740 px screen).
    const formHeight = (await anna.locator('.tree-add').boundingBox())!.height
    console.log(`docked form: ${Math.round(formHeight)} px of ${anna.viewportSize()!.height}`)
    expect(formHeight).toBeLessThanOrEqual(0.32 * anna.viewportSize()!.height)

    // Under the core problem: "Ursache" is one tap, then the text.
    await anna.getByRole('button', { name: 'Ursache', exact: true }).click()
    await anna.getByLabel('Text').fill('Keine festen Ansprechpersonen')
    await anna.getByRole('button', { name: 'Senden' }).click()
    await anna.getByRole('button', { name: 'Folge', exact: true }).click()
    await anna.getByLabel('Text').fill('Angebote laufen doppelt')
    await anna.getByRole('button', { name: 'Senden' }).click()
    await outline.getByRole('button', { name: 'Folge 1.1: Angebote laufen doppelt' }).waitFor()

    // Pick the cause: under a cause only a cause may be added.
    await outline.getByRole('button', { name: 'Ursache 1.1: Keine festen Ansprechpersonen' }).click()
    await expect(anna.getByRole('button', { name: 'Folge', exact: true }).count()).resolves.toBe(0)
    await anna.getByLabel('Text').fill('Ehrenamt wechselt oft')
    await anna.getByRole('button', { name: 'Senden' }).click()
    await outline.getByRole('button', { name: 'Ursache 1.1.1: Ehrenamt wechselt oft' }).waitFor()
    expect(await overflowsSideways(anna)).toBe(false)
    // Readable at 360 px, three levels deep: each kind and number stays on one line, above its text, which has room beside the edit button.
    const rows = await outline.locator('.tree-pick').evaluateAll((els) =>
      els.map((el) => ({ kindHeight: el.querySelector('.tree-kind')!.getBoundingClientRect().height, width: el.getBoundingClientRect().width })),
    )
    expect(rows).toHaveLength(4)
    for (const row of rows) {
      expect(row.kindHeight).toBeLessThan(24)
      expect(row.width).toBeGreaterThanOrEqual(120)
    }

    // A second phone in the same group sees the same outline from the server.
    const bernd = await phoneInGroup('kleiner Landkreis')
    const berndOutline = bernd.getByRole('list', { name: 'Problembaum der Gruppe kleiner Landkreis als Gliederung' })
    await berndOutline.getByRole('button', { name: 'Ursache 1.1.1: Ehrenamt wechselt oft' }).waitFor({ timeout: 5000 })
    // Nobody may edit another's node: Bernd sees no edit button on Anna's nodes.
    await expect(bernd.getByRole('button', { name: /bearbeiten$/ }).count()).resolves.toBe(0)

    // A phone of another group sees an empty tree.
    const carla = await phoneInGroup('größere kreisfreie Stadt')
    await carla.getByText('Noch kein Kernproblem').waitFor()
  })

  it('names the entry a new one goes under in the docked form, also one that starts with a long word', async () => {
    const phone = await phoneInGroup('mittelgroßer Landkreis')
    await phone.getByText('Noch kein Kernproblem').waitFor()
    await phone.getByLabel('Text').fill('Migrantenorganisationen arbeiten nebeneinander her')
    await phone.getByRole('button', { name: 'Senden' }).click()
    const heading = phone.locator('.tree-add > p', { hasText: 'Ergänzen unter:' })
    await expect.poll(() => heading.textContent(), { timeout: 5000 }).toContain('Migrantenorganisationen')
    // The entry's first letters stand in the form's visible line (the long word went to a second,
    // clamped line: "Ergänzen unter:…" and nothing else).
    const visible = await heading.evaluate((p) => {
      const text = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('Migranten'))!
      const range = document.createRange()
      const at = text.textContent!.indexOf('Migranten')
      range.setStart(text, at)
      range.setEnd(text, at + 1)
      return range.getBoundingClientRect().bottom <= p.getBoundingClientRect().bottom + 1 && range.getBoundingClientRect().right <= p.getBoundingClientRect().right
    })
    expect(visible).toBe(true)
  })

  it('shows the group left under "Gruppe wechseln" and the way back to it', async () => {
    const ben = await phoneInGroup('mittelgroßer Landkreis')
    await ben.getByRole('button', { name: 'Gruppe wechseln' }).click()
    await expect(ben.getByRole('button', { name: 'mittelgroßer Landkreis', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true')
    await ben.getByRole('button', { name: 'Zurück zu „mittelgroßer Landkreis“' }).click()
    await ben.getByText('Gruppe: mittelgroßer Landkreis').waitFor()
  })

  it('offers the language on the tree screen itself (a phone that scanned the QR code sees no other page)', async () => {
    const dana = await phoneInGroup('größere kreisfreie Stadt')
    await dana.getByLabel('Sprache').selectOption('en')
    await dana.getByRole('heading', { name: 'Problem tree' }).waitFor()
    await dana.getByLabel('Language').selectOption('de')
    await dana.getByRole('heading', { name: 'Problembaum' }).waitFor()
  })

  it('by keyboard: the tree heading takes the focus once the group is chosen, and an entry is said as added', async () => {
    const context = await browser.newContext(PHONE)
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(`${server.url}${created.links.participant}`)
    await page.getByRole('heading', { name: 'Kommunengröße: Wo arbeitest du?' }).waitFor()
    await page.getByRole('button', { name: 'größere kreisfreie Stadt', exact: true }).focus()
    await page.keyboard.press('Enter')
    await page.getByText('Gruppe: größere kreisfreie Stadt').waitFor()
    // The chosen button is gone: the focus went to the page's start; now to the tree's heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Problembaum')
    await page.getByLabel('Text').fill('Wohnraum fehlt')
    await page.keyboard.press('Control+Enter')
    await page.getByRole('status').filter({ hasText: 'Eingetragen.' }).waitFor()
  })

  it('lets a participant edit their own node', async () => {
    const anna = contexts[0]!.pages()[0]!
    await anna.getByRole('button', { name: 'Keine festen Ansprechpersonen bearbeiten' }).click()
    await anna.getByLabel('Text').fill('Keine festen Ansprechpersonen in den Vereinen')
    await anna.getByRole('button', { name: 'Speichern' }).click()
    const bernd = contexts[1]!.pages()[0]!
    await bernd.getByRole('button', { name: 'Ursache 1.1: Keine festen Ansprechpersonen in den Vereinen' }).waitFor({ timeout: 5000 })
    // Back from editing, the focus is on the entry's own "bearbeiten", not at the top of the page.
    await expect.poll(() => anna.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Keine festen Ansprechpersonen in den Vereinen bearbeiten')
  })

  it('lets a participant delete their own entry with nothing under it, by keyboard; the group sees it go', async () => {
    const anna = contexts[0]!.pages()[0]!
    await anna.getByLabel('Text').fill('Tippfehler-Eintrag')
    await anna.getByLabel('Text').press('Control+Enter')
    await anna.getByRole('button', { name: 'Tippfehler-Eintrag bearbeiten' }).press('Enter')
    // The field has the focus; Escape leaves without a change.
    await anna.keyboard.press('Escape')
    await expect.poll(() => anna.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Tippfehler-Eintrag bearbeiten')
    await anna.keyboard.press('Enter')
    await anna.getByRole('button', { name: 'Eintrag löschen' }).click()
    await anna.getByRole('status').filter({ hasText: 'Eintrag gelöscht.' }).waitFor()
    const bernd = contexts[1]!.pages()[0]!
    await expect.poll(() => bernd.getByText('Tippfehler-Eintrag').count(), { timeout: 5000 }).toBe(0)
    // Someone else's entry, or one with entries under it, offers no deletion.
    await anna.getByRole('button', { name: 'Keine festen Ansprechpersonen in den Vereinen bearbeiten' }).click()
    expect(await anna.getByRole('button', { name: 'Eintrag löschen' }).count()).toBe(0)
    await anna.getByRole('button', { name: 'Abbrechen' }).click()
  })

  it('keeps a pasted text whole when it is too long, says by how much, and sends nothing until it fits', async () => {
    const anna = contexts[0]!.pages()[0]!
    const long = `${'Sprachkurse ohne Kinderbetreuung '.repeat(9)}`.trim()
    await anna.getByLabel('Text').fill(long)
    expect(await anna.getByLabel('Text').inputValue()).toBe(long)
    await anna.getByText(`${long.length - 280} Zeichen zu viel`).waitFor()
    expect(await anna.getByRole('button', { name: 'Senden' }).isDisabled()).toBe(true)
    await anna.getByLabel('Text').fill(long.slice(0, 280))
    await anna.getByText('noch 0 Zeichen').waitFor()
    expect(await anna.getByRole('button', { name: 'Senden' }).isDisabled()).toBe(false)
    await anna.getByLabel('Text').fill('')
  })

  it('keeps what was typed across a reload, and not once it is sent', async () => {
    const anna = contexts[0]!.pages()[0]!
    await anna.getByLabel('Text').fill('Förderrichtlinien ändern sich jährlich')
    await anna.reload()
    await expect.poll(() => anna.getByLabel('Text').inputValue(), { timeout: 10_000 }).toBe('Förderrichtlinien ändern sich jährlich')
    await anna.getByRole('button', { name: 'Senden' }).click()
    await anna.getByRole('button', { name: /^Ursache [0-9.]+: Förderrichtlinien ändern sich jährlich/ }).waitFor()
    await anna.reload()
    await anna.getByRole('button', { name: /^Ursache [0-9.]+: Förderrichtlinien ändern sich jährlich/ }).waitFor()
    expect(await anna.getByLabel('Text').inputValue()).toBe('')
  })

  it('ends with one core problem on both phones when two phones wrote one offline at the same time', async () => {
    const first = await phoneInGroup('großer Landkreis')
    const second = await phoneInGroup('großer Landkreis')
    for (const page of [first, second]) await page.getByText('Noch kein Kernproblem').waitFor()
    await first.evaluate(() => navigator.serviceWorker.ready)
    await first.context().setOffline(true)
    await second.context().setOffline(true)
    // The phone says so at once (the socket alone noticed only after half a minute).
    await first.getByText('Offline – deine Einträge werden gesendet, sobald die Verbindung steht.').waitFor({ timeout: 3000 })
    await first.getByLabel('Text').fill('Politik gibt keinen Rückhalt')
    await first.getByRole('button', { name: 'Senden' }).click()
    // Kept on the phone, not yet in the group's tree: not "Eingetragen." (a walk's reading).
    await first.getByRole('status').filter({ hasText: 'Auf diesem Handy gespeichert – wird gesendet, sobald die Verbindung steht.' }).waitFor()
    expect(await first.getByText('Eingetragen.', { exact: true }).count()).toBe(0)
    // Reloaded without a network (it never sees a connection drop then), it says so all the same, entry kept.
    await first.reload()
    await first.getByRole('button', { name: 'Kernproblem 1: Politik gibt keinen Rückhalt' }).waitFor({ timeout: 10_000 })
    // A browser that says "online" after an offline reload (Debian's Chromium 150 does) shows it once connecting has lasted 6 s.
    await first.getByText('Offline – deine Einträge werden gesendet, sobald die Verbindung steht.').waitFor({ timeout: 9000 })
    await second.getByLabel('Text').fill('Träger konkurrieren')
    await second.getByRole('button', { name: 'Senden' }).click()
    await first.context().setOffline(false)
    // The server has the first phone's core problem before the second phone comes back.
    const stored = async () => {
      const res = await fetch(`${server.url}/api/events/${created.event.id}/tree-image?group=grosser-landkreis&phase=problem&format=svg`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })
      return res.status === 200 && (await res.text()).includes('Politik')
    }
    await expect.poll(stored, { timeout: 15_000 }).toBe(true)
    await second.context().setOffline(false)
    // The server took the first core; the second phone's is taken and undone (it stays connected),
    // and its writer gets the text back in the field, told why.
    for (const page of [first, second]) {
      await page.getByRole('button', { name: 'Kernproblem 1: Politik gibt keinen Rückhalt' }).waitFor({ timeout: 20_000 })
      await expect.poll(() => page.getByRole('button', { name: /^Kernproblem/ }).count(), { timeout: 40_000 }).toBe(1)
    }
    await second.getByRole('alert').filter({ hasText: 'Jemand aus deiner Gruppe war gerade schneller' }).waitFor()
    await expect.poll(() => second.getByLabel('Text').inputValue()).toBe('Träger konkurrieren')
    expect(await first.getByRole('alert').count()).toBe(0)
    // Sent again where it belongs (a cause under the core problem): taken, and the note goes.
    await second.getByRole('button', { name: 'Ursache', exact: true }).click()
    await second.getByRole('button', { name: 'Senden' }).click()
    await first.getByRole('button', { name: 'Ursache 1.1: Träger konkurrieren' }).waitFor()
    await second.getByRole('alert').waitFor({ state: 'detached' })
  })
  it('stops reconnecting once the phone is placed in another group from another tab, and says what to do', async () => {
    const { page: first, story, treeSockets } = await phoneInGroup('mittelgroßer Landkreis', true)
    await first.getByText('Noch kein Kernproblem').waitFor()
    // The same person (same browser) picks another value in a second tab: the server moves them.
    const second = await first.context().newPage()
    await second.goto(first.url())
    await second.getByRole('button', { name: 'Gruppe wechseln' }).click()
    await second.getByRole('button', { name: 'größere kreisfreie Stadt', exact: true }).click()
    await second.getByText('Gruppe: größere kreisfreie Stadt').waitFor()
    // The first tab's tree was closed with 4403: it says why and offers the way on instead of retrying.
    await first.getByRole('alert').filter({ hasText: 'Du bist nicht mehr in dieser Gruppe' }).waitFor({ timeout: 10_000 })
    await first.waitForTimeout(2000)
    // The first tab opened its group's tree once, from its first page on (the text above can show
    // before that socket opens), and never again after the server closed it (a refused one would be
    // retried within a second). On a failure the message tells what its sockets did, with which close codes.
    const opened = treeSockets()
    expect(opened, opened.length !== 1 ? await story() : undefined).toEqual([`/yjs/tree.${created.event.id}.mittelgrosser-landkreis.problem`])
    await first.getByRole('button', { name: 'Gruppe wählen', exact: true }).click()
    await first.getByRole('heading', { name: 'Kommunengröße: Wo arbeitest du?' }).waitFor()
  })
})
