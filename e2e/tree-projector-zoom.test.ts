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
let provider: WebsocketProvider

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, text: string, order = 0): TreeNode => ({ id, kind, parentId, order, text, authorId: null, createdAt: 1 })

/** 42 nodes: a core problem, 5 causes with 4 causes each, 4 effects with 3 effects each. */
function bigTree(): TreeNode[] {
  const out = [node('core0000', 'core', null, 'Zusammenarbeit mit externen Akteuren bleibt punktuell')]
  for (let i = 0; i < 5; i++) {
    out.push(node(`cause${i}000`, 'cause', 'core0000', `Ursache ${i + 1}`, i))
    for (let k = 0; k < 4; k++) out.push(node(`sub${i}k${k}cause`, 'cause', `cause${i}000`, `Ursache ${i + 1}.${k + 1}`, k))
  }
  for (let i = 0; i < 4; i++) {
    out.push(node(`effect${i}00`, 'effect', 'core0000', `Folge ${i + 1}`, 5 + i))
    for (let k = 0; k < 3; k++) out.push(node(`sub${i}k${k}effect`, 'effect', `effect${i}00`, `Folge ${i + 1}.${k + 1}`, k))
  }
  return out
}

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
  created = await createEventWithKey(server, { title: 'Großer Baum', date: '2018-06-26', tableNames: [], treeMethod: {} })
  const doc = new Y.Doc()
  provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/yjs`, `tree.${created.event.id}.kleiner-landkreis.problem`, doc, {
    params: { token: created.facilitatorToken },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  doc.transact(() => bigTree().forEach((n) => doc.getMap(TREE_NODES_ROOT).set(n.id, n)))
})

afterAll(async () => {
  provider?.destroy()
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

/** Where a box with this text is on the screen, and how tall. */
const boxOf = (page: Page, text: string) =>
  page
    .locator('.tree-box', { hasText: text })
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect()
      return { top: r.top, bottom: r.bottom, height: r.height, left: r.left, right: r.right }
    })
const onScreen = (b: { top: number; bottom: number; left: number; right: number }) => b.bottom > 0 && b.top < 1080 && b.right > 0 && b.left < 1920

describe('zooming the projector’s diagram (42 nodes)', () => {
  it('zooms to a sub-tree from the keyboard, fits again, and fades new boxes in unless motion is reduced', async () => {
    const context = await browser.newContext(PROJECTOR)
    const page = await context.newPage()
    await page.goto(`${server.url}${created.links.projector.replace('#', '?group=kleiner-landkreis#')}`)
    await expect.poll(() => page.locator('.tree-box').count(), { timeout: 10_000 }).toBe(42)
    // Measured once the boxes have faded in (they grow from 60 % while they do).
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)))
    const whole = await boxOf(page, 'Ursache 3.2')
    expect(onScreen(await boxOf(page, 'Folge 4.3'))).toBe(true)

    await page.getByRole('combobox', { name: 'Teilbaum zeigen …' }).selectOption({ label: 'Auf „1.3 Ursache: Ursache 3“ zoomen' })
    await expect.poll(async () => (await boxOf(page, 'Ursache 3.2')).height, { timeout: 5000 }).toBeGreaterThan(whole.height * 1.5)
    expect(onScreen(await boxOf(page, 'Ursache 3.4'))).toBe(true)
    expect(onScreen(await boxOf(page, 'Folge 4.3'))).toBe(false)

    await page.getByRole('button', { name: 'Ganzer Baum' }).click()
    await expect.poll(async () => onScreen(await boxOf(page, 'Folge 4.3'))).toBe(true)
    // Keys on the focused diagram: + zooms in, 0 fits.
    await page.getByRole('group', { name: 'Problembaum der Gruppe kleiner Landkreis als Gliederung' }).focus()
    await page.keyboard.press('+')
    await expect.poll(async () => (await boxOf(page, 'Ursache 3.2')).height).toBeGreaterThan(whole.height * 1.2)
    await page.keyboard.press('0')
    await expect.poll(async () => Math.round((await boxOf(page, 'Ursache 3.2')).height)).toBe(Math.round(whole.height))
    expect(await page.locator('.tree-box-in').first().evaluate((el) => getComputedStyle(el).animationName)).toBe('tree-box-in')
    await context.close()

    const calm = await browser.newContext({ ...PROJECTOR, reducedMotion: 'reduce' })
    const still = await calm.newPage()
    await still.goto(`${server.url}${created.links.projector.replace('#', '?group=kleiner-landkreis#')}`)
    await expect.poll(() => still.locator('.tree-box').count(), { timeout: 10_000 }).toBe(42)
    expect(await still.locator('.tree-box-in').first().evaluate((el) => getComputedStyle(el).animationName)).toBe('none')
    await calm.close()
  })
})
