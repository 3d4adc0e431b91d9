import type { Browser } from 'playwright-core'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, TREE_NODES_ROOT, type TreeNode, readTree } from '@tischrunde/shared'
import { launchBrowser } from './support/browser.js'
import { type ServerProcess, createEventWithKey, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser
let created: CreateEventResponse
const providers: WebsocketProvider[] = []

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, text: string, order = 0): TreeNode => ({ id, kind, parentId, order, text, authorId: null, createdAt: 1 })

/** A Node y-websocket client on a tree doc, with the facilitator's credential. */
async function openTree(phase: 'problem' | 'objective'): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/yjs`, `tree.${created.event.id}.kleiner-landkreis.${phase}`, doc, {
    params: { token: created.facilitatorToken },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  providers.push(provider)
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  return doc
}

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
  created = await createEventWithKey(server, { title: 'Lösungsbaum am Nachmittag', date: '2018-06-26', tableNames: [], treeMethod: {} })
  const problem = await openTree('problem')
  problem.transact(() => {
    const map = problem.getMap(TREE_NODES_ROOT)
    for (const n of [
      node('core0001', 'core', null, 'Kooperation bleibt punktuell'),
      node('cause001', 'cause', 'core0001', 'Keine festen Ansprechpersonen', 1),
      node('effect01', 'effect', 'core0001', 'Angebote laufen doppelt', 2),
    ])
      map.set(n.id, n)
  })
})

afterAll(async () => {
  providers.forEach((p) => p.destroy())
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

describe('the objective tree in the console', () => {
  it('is created from the problem tree with one action, shows each objective with its problem, and marks one in scope', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage()
    await page.goto(`${server.url}${created.links.facilitator}`)
    await page.getByRole('heading', { name: 'Gruppen nach Kommunengröße' }).waitFor()
    await page.getByRole('button', { name: 'Lösungsbaum aus dem Problembaum erstellen' }).click()
    await page.getByRole('status').filter({ hasText: '3 Einträge aus dem Problembaum in den Lösungsbaum übernommen.' }).waitFor()
    const means = page.getByRole('checkbox', { name: 'Im Rahmen: Keine festen Ansprechpersonen' })
    await means.waitFor({ timeout: 5000 })
    await expect(page.getByText('Problem: Angebote laufen doppelt').count()).resolves.toBe(1)
    await means.check()

    const objective = await openTree('objective')
    await expect.poll(() => readTree(objective).byId.get('cause001')?.inScope, { timeout: 5000 }).toBe(true)
    expect(readTree(objective).byId.get('cause001')).toMatchObject({ kind: 'means', answersProblemId: 'cause001', placeholder: true })
  })

  it('moves a node from the keyboard only on Enter: the arrow keys step through the places without moving it', async () => {
    const problem = await openTree('problem')
    problem.getMap(TREE_NODES_ROOT).set('cause002', node('cause002', 'cause', 'core0001', 'Ehrenamt wechselt oft', 3))
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage()
    await page.goto(`${server.url}${created.links.facilitator}`)
    const problems = page.getByRole('list', { name: 'Problembaum der Gruppe kleiner Landkreis als Gliederung' })
    const move = problems.getByRole('combobox', { name: 'Keine festen Ansprechpersonen verschieben nach …' })
    await move.focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => move.inputValue()).toBe('cause002')
    // Stepped onto a place, nothing moved: not on the server, no note of a move.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(readTree(problem).byId.get('cause001')?.parentId).toBe('core0001')
    expect(await page.getByText('hängt jetzt unter').count()).toBe(0)
    await page.keyboard.press('Enter')
    await expect.poll(() => readTree(problem).byId.get('cause001')?.parentId, { timeout: 5000 }).toBe('cause002')
    await page.getByText('hängt jetzt unter').waitFor()
    await page.context().close()
  })

  it('rewords a node from the keyboard: the server takes it and the tree shows the new text; Escape leaves another as it was', async () => {
    const problem = await openTree('problem')
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage()
    await page.goto(`${server.url}${created.links.facilitator}`)
    const problems = page.getByRole('list', { name: 'Problembaum der Gruppe kleiner Landkreis als Gliederung' })
    const edit = problems.getByRole('button', { name: 'Angebote laufen doppelt bearbeiten' })
    // On a 1280×720 laptop a node's buttons stand beside its text: one line a node, not two (four nodes filled the screen).
    await page.setViewportSize({ width: 1280, height: 720 })
    await edit.waitFor()
    const rows = await problems.locator('.tree-edit-item').evaluateAll((els) =>
      els.map((e) => ({ head: e.querySelector('.tree-edit-head')!.getBoundingClientRect().bottom, actions: e.querySelector('.tree-edit-actions')!.getBoundingClientRect().top })),
    )
    expect(rows.length).toBeGreaterThan(2)
    for (const row of rows) expect(row.actions).toBeLessThan(row.head)
    await page.setViewportSize({ width: 1280, height: 900 })
    await edit.focus()
    await page.keyboard.press('Enter')
    await page.keyboard.type('Angebote laufen doppelt, weil niemand sie abstimmt')
    await page.keyboard.press('Enter')
    await expect.poll(() => readTree(problem).byId.get('effect01')?.text, { timeout: 5000 }).toBe('Angebote laufen doppelt, weil niemand sie abstimmt')
    await page.getByRole('status').filter({ hasText: 'Geändert: „Angebote laufen doppelt, weil niemand sie abstimmt“.' }).waitFor()
    // The focus is back on the node's button, now named by its new text.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Angebote laufen doppelt, weil niemand sie abstimmt bearbeiten')

    await problems.getByRole('button', { name: 'Kooperation bleibt punktuell bearbeiten' }).click()
    await page.keyboard.type('etwas anderes')
    await page.keyboard.press('Escape')
    // The field closes with the text as it was, and nothing reports a change.
    await problems.getByRole('textbox', { name: 'Text' }).waitFor({ state: 'detached' })
    await problems.locator('.tree-edit-head', { hasText: 'Kooperation bleibt punktuell' }).waitFor()
    expect(await page.getByText('Geändert: „Kooperation bleibt punktuell', { exact: false }).count()).toBe(0)
    expect(readTree(problem).byId.get('core0001')?.text).toBe('Kooperation bleibt punktuell')
    await page.context().close()
  })

  it('creates every group’s solution tree with one action before the afternoon', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage()
    await page.goto(`${server.url}${created.links.facilitator}`)
    await page.getByRole('button', { name: 'Lösungsbäume aller Gruppen erstellen' }).click()
    // Only the group with a problem tree gets one; the console says which have none to make it of.
    await page
      .getByRole('status')
      .filter({ hasText: 'Lösungsbäume erstellt bzw. ergänzt für: kleiner Landkreis. Noch kein Kernproblem im Problembaum, daher kein Lösungsbaum daraus (die Gruppe kann ihr Ziel selbst schreiben): mittelgroßer Landkreis, großer Landkreis, größere kreisfreie Stadt.' })
      .waitFor({ timeout: 10_000 })
    const objective = await openTree('objective')
    await expect.poll(() => readTree(objective).core?.node.text, { timeout: 5000 }).toBe('Kooperation bleibt punktuell')
    await page.context().close()
  })
})

