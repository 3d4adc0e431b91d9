import type { Browser, Page } from 'playwright-core'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, TREE_NODES_ROOT, type TreeNode } from '@tischrunde/shared'
import { PROJECTOR, launchBrowser } from './support/browser.js'
import { type ServerProcess, createEventWithKey, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser
let created: CreateEventResponse
let writer: { doc: Y.Doc; provider: WebsocketProvider }
let small: { doc: Y.Doc; provider: WebsocketProvider }
let bremen: { doc: Y.Doc; provider: WebsocketProvider }
let walked: { doc: Y.Doc; provider: WebsocketProvider }

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, text: string, order = 0): TreeNode => ({ id, kind, parentId, order, text, authorId: null, createdAt: 1 })

/** 40 nodes: a core problem, 24 causes in three levels and 15 effects in two. */
function fortyNodes(): TreeNode[] {
  const out = [node('core0000', 'core', null, 'Zusammenarbeit mit externen Akteuren bleibt punktuell')]
  for (let i = 0; i < 6; i++) {
    out.push(node(`cause${i}00`, 'cause', 'core0000', `Ursache ${i + 1}: keine festen Ansprechpersonen im Amt`, i))
    for (let j = 0; j < 3; j++) out.push(node(`sub${i}${j}cause`, 'cause', `cause${i}00`, `Ursache ${i + 1}.${j + 1}: Zuständigkeit unklar`, j))
  }
  for (let i = 0; i < 5; i++) {
    out.push(node(`effect${i}00`, 'effect', 'core0000', `Folge ${i + 1}: Angebote laufen doppelt`, i))
    for (let j = 0; j < 2; j++) out.push(node(`sub${i}${j}effect`, 'effect', `effect${i}00`, `Folge ${i + 1}.${j + 1}: Geflüchtete finden nichts`, j))
  }
  return out
}

/** Nodes from [short id, kind, short parent id, text], in order (ids padded to eight characters). */
function nodesOf(texts: Array<[string, TreeNode['kind'], string | null, string]>): TreeNode[] {
  return texts.map(([id, kind, parentId, text], i) => node(id.padEnd(8, '0'), kind, parentId && parentId.padEnd(8, '0'), text, i))
}

/** A tree as a Bremen group drew it in the morning: 16 nodes, causes with two, three, one and no causes below them. */
function bremenTree(): TreeNode[] {
  return nodesOf([
    ['bcore', 'core', null, 'Die Zusammenarbeit mit externen Akteuren bleibt punktuell und hängt an einzelnen Personen'],
    ['bc1', 'cause', 'bcore', 'Keine festen Ansprechpersonen in den Fachdiensten'],
    ['bc11', 'cause', 'bc1', 'Hohe Personalfluktuation'],
    ['bc12', 'cause', 'bc1', 'Zuständigkeiten sind nicht geklärt'],
    ['bc2', 'cause', 'bcore', 'Kein eigenes Budget für Netzwerkarbeit'],
    ['bc21', 'cause', 'bc2', 'Förderprogramme laufen nur zwei bis vier Jahre'],
    ['bc22', 'cause', 'bc2', 'Politischer Auftrag fehlt'],
    ['bc23', 'cause', 'bc2', 'Integrationsmanagement ist freiwillige Aufgabe der Kommune'],
    ['bc3', 'cause', 'bcore', 'Unterschiedliche Systematiken der Träger'],
    ['bc31', 'cause', 'bc3', 'Datenschutz verhindert den Austausch von Fallinformationen'],
    ['bc4', 'cause', 'bcore', 'Integrationskonzept der Kommune ist veraltet'],
    ['be1', 'effect', 'bcore', 'Angebote laufen doppelt'],
    ['be2', 'effect', 'bcore', 'Ehrenamtliche fühlen sich allein gelassen und ziehen sich zurück'],
    ['be21', 'effect', 'be2', 'Sprachkurse finden keine Lernbegleitung'],
    ['be3', 'effect', 'bcore', 'Geflüchtete müssen ihre Geschichte mehrfach erzählen'],
    ['be4', 'effect', 'bcore', 'Sprachförderbedarf bleibt hoch'],
  ])
}

/** The tree of a walk of the Bremen day: 9 nodes in five rows, four causes side by side, one long. */
function walkedTree(): TreeNode[] {
  return nodesOf([
    ['wcore', 'core', null, 'Externe Akteure lassen sich nur schwer an einen Tisch bringen'],
    ['we1', 'effect', 'wcore', 'Doppelstrukturen entstehen'],
    ['we11', 'effect', 'we1', 'Angebote erreichen Neuzugewanderte nicht'],
    ['we2', 'effect', 'wcore', 'Bildungsabbrüche bei Neuzugewanderten'],
    ['wc1', 'cause', 'wcore', 'Bürgermeister*innen der Gemeinden fehlen im Gremium'],
    ['wc11', 'cause', 'wc1', 'Kein politisches Bekenntnis des Landrats'],
    ['wc2', 'cause', 'wcore', 'Zu wenig Personal in der Koordinierungsstelle'],
    ['wc3', 'cause', 'wcore', 'Fehlende Ressourcen (Personal) in der Verwaltung'],
    ['wc4', 'cause', 'wcore', 'Träger der Kinder- & Jugendhilfe <Jugendamt> arbeiten „nebeneinander her“; 50 % ohne Absprache'],
  ])
}

/** Opens a group's problem tree (or objective tree) as the facilitator and writes `nodes` into it. */
async function writeTree(groupId: string, nodes: TreeNode[], phase: 'problem' | 'objective' = 'problem'): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/yjs`, `tree.${created.event.id}.${groupId}.${phase}`, doc, {
    params: { token: created.facilitatorToken },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  doc.transact(() => nodes.forEach((n) => doc.getMap(TREE_NODES_ROOT).set(n.id, n)))
  return { doc, provider }
}

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
  created = await createEventWithKey(server, { title: 'Baum am Beamer', date: '2018-06-26', tableNames: [], treeMethod: {} })
  writer = await writeTree('grosser-landkreis', fortyNodes())
  small = await writeTree('kleiner-landkreis', [
    node('smallcore', 'core', null, 'Kooperation mit der Zivilgesellschaft ist in unserem Landkreis nicht verbindlich geregelt'),
    node('smallcause1', 'cause', 'smallcore', 'Keine festen Ansprechpartner in den Vereinen', 0),
    node('smallcause2', 'cause', 'smallcore', 'Das Ehrenamt ist überlastet, seit die Zahl der Neuzugewanderten gestiegen ist, und hauptamtliche Stellen laufen nach einem Jahr aus', 1),
    node('smalleffect', 'effect', 'smallcore', 'Angebote doppeln sich', 0),
  ])
  bremen = await writeTree('mittelgrosser-landkreis', bremenTree())
  walked = await writeTree('groessere-kreisfreie-stadt', walkedTree())
})

afterAll(async () => {
  bremen?.provider.destroy()
  walked?.provider.destroy()
  writer?.provider.destroy()
  small?.provider.destroy()
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

/** Each box on the screen: where it is, its text's size on the screen, and whether its text is cut. */
function measureBoxes(page: Page) {
  return page.locator('.tree-box').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect()
      const text = el.querySelector<HTMLElement>('.tree-box-text')!
      const fontPx = parseFloat(getComputedStyle(text).fontSize) * ((el.closest('svg') as SVGSVGElement).getScreenCTM()?.a ?? 1)
      // A word too long for its line would stick out sideways (words break only at syllables, with a hyphen).
      const cut = text.scrollHeight > text.clientHeight + 1 || text.scrollWidth > text.clientWidth + 1
      return { kind: el.getAttribute('data-kind'), top: r.top, bottom: r.bottom, left: r.left, right: r.right, fontPx, cut }
    }),
  )
}

describe('the tree on the projector (1920×1080)', () => {
  it('draws 40 nodes inside the screen, causes below and effects above the core problem, and a new node live', async () => {
    const context = await browser.newContext(PROJECTOR)
    const page = await context.newPage()
    await page.goto(`${server.url}${created.links.projector.replace('#', '?group=grosser-landkreis#')}`)
    await page.getByRole('heading', { name: 'Problembaum: großer Landkreis' }).waitFor()
    const boxes = page.locator('.tree-box')
    await expect.poll(() => boxes.count(), { timeout: 5000 }).toBe(40)

    const placed = await measureBoxes(page)
    for (const b of placed) {
      expect(b.left).toBeGreaterThanOrEqual(0)
      expect(b.right).toBeLessThanOrEqual(1920)
      expect(b.top).toBeGreaterThanOrEqual(0)
      expect(b.bottom).toBeLessThanOrEqual(1080)
    }
    const core = placed.find((b) => b.kind === 'core')!
    expect(placed.filter((b) => b.kind === 'cause').every((b) => b.top > core.bottom)).toBe(true)
    expect(placed.filter((b) => b.kind === 'effect').every((b) => b.bottom < core.top)).toBe(true)
    const sizes = placed.map((b) => b.fontPx).sort((a, b) => a - b)
    const median = sizes[sizes.length >> 1]!
    console.log(`node text on screen at 40 nodes: core ${core.fontPx.toFixed(1)} px, median ${median.toFixed(1)} px, smallest ${sizes[0]!.toFixed(1)} px`)
    expect(core.fontPx).toBeGreaterThanOrEqual(14)
    expect(median).toBeGreaterThanOrEqual(16)
    expect(placed.filter((b) => b.cut)).toEqual([])

    writer.doc.getMap(TREE_NODES_ROOT).set('effect9990', node('effect9990', 'effect', 'core0000', 'Neu: Ehrenamt brennt aus', 9))
    await page.getByText('Neu: Ehrenamt brennt aus').waitFor({ timeout: 5000 })
    await expect(page.getByRole('group', { name: 'Problembaum der Gruppe großer Landkreis als Gliederung' }).count()).resolves.toBe(1)
  })

  it("a tree of Bremen's size spreads across the screen, its texts large and broken only at syllables", async () => {
    const context = await browser.newContext(PROJECTOR)
    const page = await context.newPage()
    await page.goto(`${server.url}${created.links.projector.replace('#', '?group=mittelgrosser-landkreis#')}`)
    await page.getByRole('heading', { name: 'Problembaum: mittelgroßer Landkreis' }).waitFor()
    const boxes = page.locator('.tree-box')
    await expect.poll(() => boxes.count(), { timeout: 5000 }).toBe(16)
    // The German hyphenation arrives after the first picture: a long compound then breaks at a syllable.
    const hyphenated = () => page.locator('.tree-box-text', { hasText: 'freiwillige' }).evaluate((el) => el.textContent!.includes('\u00ad'))
    await expect.poll(hyphenated, { timeout: 10_000 }).toBe(true)
    const placed = await measureBoxes(page)
    const sizes = placed.map((b) => b.fontPx).sort((a, b) => a - b)
    console.log(`node text on screen at 16 nodes: median ${sizes[8]!.toFixed(1)} px, smallest ${sizes[0]!.toFixed(1)} px`)
    expect(sizes[8]).toBeGreaterThanOrEqual(22)
    expect(sizes[0]).toBeGreaterThanOrEqual(16)
    expect(placed.filter((b) => b.cut)).toEqual([])
    // No box had to fall back to breaking anywhere.
    expect(await page.locator('.tree-box-text-squeezed').count()).toBe(0)
    // The causes' causes stand side by side: the tree spans most of the screen's width, not its middle 40 %.
    expect(Math.max(...placed.map((b) => b.right)) - Math.min(...placed.map((b) => b.left))).toBeGreaterThan(0.75 * 1920)
    await context.close()
  })

  it('a tree of few boxes in five rows (a walk of the Bremen day) sets its texts readable from the back, the long one too', async () => {
    const context = await browser.newContext(PROJECTOR)
    const page = await context.newPage()
    await page.goto(`${server.url}${created.links.projector.replace('#', '?group=groessere-kreisfreie-stadt#')}`)
    await page.getByRole('heading', { name: 'Problembaum: größere kreisfreie Stadt' }).waitFor()
    await expect.poll(() => page.locator('.tree-box').count(), { timeout: 5000 }).toBe(9)
    const placed = await measureBoxes(page)
    const sizes = placed.map((b) => b.fontPx).sort((a, b) => a - b)
    console.log(`node text on screen at 9 nodes in five rows: median ${sizes[4]!.toFixed(1)} px, smallest ${sizes[0]!.toFixed(1)} px`)
    // On the screen, not in the diagram's units (a box's CSS size is scaled by the picture: 12 units were 19 px here);
    // one size for all, the long one too (it was 19 px beside 45).
    expect(sizes[0]).toBeGreaterThanOrEqual(24)
    expect(sizes.at(-1)! - sizes[0]!).toBeLessThan(0.5)
    expect(placed.filter((b) => b.cut)).toEqual([])
    expect(Math.max(...placed.map((b) => b.right)) - Math.min(...placed.map((b) => b.left))).toBeGreaterThan(0.75 * 1920)
    await context.close()
  })

  it('before the day starts shows how to join, and key 1 the tree', async () => {
    const context = await browser.newContext(PROJECTOR)
    const page = await context.newPage()
    await page.goto(`${server.url}${created.links.projector}`)
    await page.getByRole('heading', { name: 'Mitmachen mit dem Handy' }).waitFor()
    await page.keyboard.press('1')
    await page.getByRole('heading', { name: /^Problembaum: / }).waitFor()
    await context.close()
  })

  it('on a 1280×720 projector, H gives the tree the room of the controls: its texts grow or fewer are cut; H or Esc brings them back', async () => {
    const context = await browser.newContext({ ...PROJECTOR, viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    await page.goto(`${server.url}${created.links.projector.replace('#', '?group=mittelgrosser-landkreis#')}`)
    await page.getByRole('heading', { name: 'Problembaum: mittelgroßer Landkreis' }).waitFor()
    await expect.poll(() => page.locator('.tree-box').count(), { timeout: 5000 }).toBe(16)
    const median = async () => {
      const sizes = (await measureBoxes(page)).map((b) => b.fontPx).sort((a, b) => a - b)
      return sizes[Math.floor(sizes.length / 2)]!
    }
    const clamped = () => page.locator('.tree-box-text-clamped').count()
    const before = await median()
    const clampedBefore = await clamped()
    await page.keyboard.press('h')
    await expect.poll(() => page.getByRole('button', { name: 'Vergrößern' }).count()).toBe(0)
    expect(await page.locator('.tree-groups').isVisible()).toBe(false)
    // The texts never fall below the floor (18 px here, where they stand with the controls): the room H
    // gives makes them larger or shows more of them whole (they grew by a tenth when each box had its own size).
    await expect.poll(async () => (await median()) > before * 1.1 || (await clamped()) < clampedBefore, { timeout: 5000 }).toBe(true)
    expect(before).toBeGreaterThanOrEqual(17.99)
    expect(await median()).toBeGreaterThanOrEqual(17.99)
    console.log(`node text at 1280×720: median ${before.toFixed(1)} px with the controls, ${(await median()).toFixed(1)} px without`)
    expect((await measureBoxes(page)).filter((b) => b.cut)).toEqual([])
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Vergrößern' }).waitFor()
    await page.getByRole('button', { name: 'Nur den Baum zeigen (H)' }).click()
    await expect.poll(() => page.locator('.tree-groups').isVisible()).toBe(false)
    await page.keyboard.press('H')
    await page.locator('.tree-groups').waitFor()
    await context.close()
  })

  it('an objective with every mark keeps its text large: the kind line stays one line, the marks at most two at the foot', async () => {
    const goal = node('goal0000', 'goal', null, 'Externe Akteure kennen und nutzen die Bildungskoordination')
    const means = { ...node('means000', 'means', 'goal0000', 'Personalstellen sind befristet'), inScope: true, placeholder: true, measures: ['Stellen entfristen'], helpers: ['Landrat', 'Kommunale Spitzenverbände'] }
    const objective = await writeTree('kleiner-landkreis', [{ ...goal, inScope: true }, means], 'objective')
    const context = await browser.newContext(PROJECTOR)
    try {
      const page = await context.newPage()
      await page.goto(`${server.url}${created.links.projector.replace('#', '?group=kleiner-landkreis&phase=objective#')}`)
      const box = page.locator('.tree-box[data-kind="means"]')
      await box.waitFor({ timeout: 10_000 })
      await expect.poll(() => box.locator('.tree-box-marks').textContent()).toBe('im Rahmen · noch umzuformulieren · Maßnahmen: 1 · Wer hilft: 2')
      const scale = await page.locator('svg.tree-diagram').evaluate((svg) => (svg as SVGSVGElement).getScreenCTM()?.a ?? 1)
      const lines = await box.evaluate((el) => {
        const px = (sel: string) => parseFloat(getComputedStyle(el.querySelector(sel)!).fontSize)
        const height = (sel: string) => el.querySelector(sel)!.getBoundingClientRect().height
        return { kind: height('.tree-box-kind') / px('.tree-box-kind'), marks: height('.tree-box-marks') / px('.tree-box-marks'), words: px('.tree-box-words') }
      })
      // Heights in the picture's units on the screen: one line of kind, at most two of marks.
      expect(lines.kind / scale).toBeLessThan(1.6)
      expect(lines.marks / scale).toBeLessThan(2.6)
      // The node's own words stay the largest text of the box, at 20 px on the screen or more (before: 12 units, under four lines of marks).
      expect(lines.words * scale).toBeGreaterThanOrEqual(19.9)
      expect(await box.locator('.tree-box-text').evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true)
      // M: the measures and who can help, listed whole and large (the box only counts them); M again: the tree.
      await page.keyboard.press('m')
      const plan = page.getByRole('list', { name: 'Maßnahmen und wer helfen kann' })
      await plan.getByText('Stellen entfristen').waitFor()
      await plan.getByText('Landrat · Kommunale Spitzenverbände').waitFor()
      expect(await plan.getByRole('heading', { name: /Personalstellen sind befristet · im Rahmen/ }).count()).toBe(1)
      expect(await plan.getByText('Stellen entfristen').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24)
      if (process.env.TISCHRUNDE_SCREENSHOTS) await page.screenshot({ path: `${process.env.TISCHRUNDE_SCREENSHOTS}/tree-measures.png` })
      await page.getByRole('button', { name: 'Baum zeigen (M)' }).click()
      await box.waitFor()
      // Escape leaves the list as it leaves every other view of the projector.
      await page.keyboard.press('m')
      await plan.waitFor()
      await page.keyboard.press('Escape')
      await box.waitFor()
    } finally {
      objective.provider.destroy()
      await context.close()
    }
  })

  it('a small tree fills the screen above its controls, long texts stay inside their boxes, and key 4 shows how to join', async () => {
    const context = await browser.newContext(PROJECTOR)
    const page = await context.newPage()
    await page.goto(`${server.url}${created.links.projector.replace('#', '?group=kleiner-landkreis#')}`)
    await page.getByRole('heading', { name: 'Problembaum: kleiner Landkreis' }).waitFor()
    const boxes = page.locator('.tree-box')
    await expect.poll(() => boxes.count(), { timeout: 5000 }).toBe(4)
    const controlsTop = await page.getByRole('button', { name: 'Ganzer Baum' }).evaluate((el) => el.getBoundingClientRect().top)
    const placed = await boxes.evaluateAll((els) =>
      els.map((el) => {
        const text = el.querySelector('.tree-box-text')!
        return { bottom: el.getBoundingClientRect().bottom, overflows: text.scrollHeight > text.clientHeight + 1 }
      }),
    )
    for (const b of placed) {
      // No box runs under the zoom controls, and no text is cut off at its box's lower edge.
      expect(b.bottom).toBeLessThanOrEqual(controlsTop)
      expect(b.overflows).toBe(false)
    }

    await page.keyboard.press('4')
    await page.getByRole('heading', { name: 'Mitmachen mit dem Handy' }).waitFor()
    await expect(page.locator('.join-code-huge').innerText()).resolves.toMatch(/[A-Z0-9]/)
    // The way back is on the screen, not below the code.
    const back = await page.getByRole('button', { name: 'Zurück zu den Bäumen' }).boundingBox()
    expect(back!.y + back!.height).toBeLessThanOrEqual(1080)
    await page.keyboard.press('Escape')
    await page.getByRole('heading', { name: 'Problembaum: kleiner Landkreis' }).waitFor()

    // "?" lists the tree day's keys; + zooms without clicking the picture first, 0 fits again.
    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Tastenkürzel' })
    await help.getByText('Vorige / nächste Gruppe').waitFor()
    expect(await help.getByText('Tischansicht', { exact: false }).count()).toBe(0)
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })
    const viewBox = () => page.locator('svg.tree-diagram').getAttribute('viewBox')
    const whole = await viewBox()
    await page.keyboard.press('+')
    await expect.poll(viewBox).not.toBe(whole)
    await page.keyboard.press('0')
    await expect.poll(viewBox).toBe(whole)

    // Compared with the forty-node tree, each group gets half the screen.
    await page.getByRole('combobox', { name: 'Vergleichen mit' }).selectOption({ label: 'großer Landkreis' })
    await page.getByRole('heading', { name: 'Problembaum: kleiner Landkreis · großer Landkreis' }).waitFor()
    const halves = await page.locator('.tree-compare > section').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width))
    expect(halves).toHaveLength(2)
    expect(Math.abs(halves[0]! - halves[1]!)).toBeLessThan(20)
    await context.close()
  })

  it('shows the group and the tree the console chooses under "Beamer steuern"; its own arrows still switch', async () => {
    const context = await browser.newContext(PROJECTOR)
    const projector = await context.newPage()
    await projector.goto(`${server.url}${created.links.projector}`)
    await projector.getByRole('heading', { name: 'Mitmachen mit dem Handy' }).waitFor()
    await projector.keyboard.press('1')
    await projector.getByRole('heading', { name: /^Problembaum: / }).waitFor()
    const desk = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' })).newPage()
    await desk.goto(`${server.url}${created.links.facilitator}`)
    const remote = desk.getByRole('region', { name: 'Beamer steuern' })
    await remote.getByRole('combobox', { name: 'Gruppe' }).selectOption({ label: 'kleiner Landkreis' })
    await projector.getByRole('heading', { name: 'Problembaum: kleiner Landkreis' }).waitFor()
    await remote.getByRole('group', { name: 'Baum' }).getByRole('button', { name: 'Lösungsbaum' }).click()
    await projector.getByRole('heading', { name: 'Lösungsbaum: kleiner Landkreis' }).waitFor()
    await projector.keyboard.press('ArrowRight')
    await expect.poll(() => projector.getByRole('heading', { level: 1 }).innerText()).not.toBe('Lösungsbaum: kleiner Landkreis')
    // The console's next choice wins again.
    await remote.getByRole('combobox', { name: 'Gruppe' }).selectOption({ label: 'großer Landkreis' })
    await projector.getByRole('heading', { name: 'Lösungsbaum: großer Landkreis' }).waitFor()
    // The actor map of the solution trees' helpers, from the console too (a walk found no way to put it there);
    // its bar leads back to the trees, not to a café's tables, wall and review.
    await remote.getByRole('group', { name: 'Ansicht' }).getByRole('button', { name: 'Akteurslandkarte' }).click()
    await projector.locator('.actor-projector').waitFor({ timeout: 10_000 })
    const bar = projector.locator('.projector-toolbar nav')
    expect((await bar.getByRole('button').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '))).toEqual(['1 Bäume der Kleingruppen'])
    await projector.keyboard.press('1')
    await projector.getByRole('heading', { name: /^Lösungsbaum: / }).waitFor({ timeout: 10_000 })
    await desk.context().close()
    await context.close()
  })
})
