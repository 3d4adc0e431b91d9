import type { Browser } from 'playwright-core'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, TREE_DAY_PHASE_STATIONS, TREE_DAY_TEMPLATE, TREE_NODES_ROOT, type TreeNode } from '@tischrunde/shared'
import { PROJECTOR, launchBrowser } from './support/browser.js'
import { type ServerProcess, createEventWithKey, removeDir, startServerProcess } from './support/server-process.js'

let server: ServerProcess
let browser: Browser
let created: CreateEventResponse
const open: WebsocketProvider[] = []

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, text: string): TreeNode => ({ id, kind, parentId, order: 0, text, authorId: null, createdAt: 1 })

/** Writes nodes into a group's problem tree as the facilitator (the group's doc then exists). */
async function writeTree(groupId: string, nodes: TreeNode[]): Promise<void> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/yjs`, `tree.${created.event.id}.${groupId}.problem`, doc, {
    params: { token: created.facilitatorToken },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  open.push(provider)
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  doc.transact(() => nodes.forEach((n) => doc.getMap(TREE_NODES_ROOT).set(n.id, n)))
}

beforeAll(async () => {
  server = await startServerProcess({ env: { TISCHRUNDE_NO_DEMO: '1' } })
  browser = await launchBrowser()
  const treeMethod = { attribute: 'Kommunengröße', values: ['kleiner Landkreis', 'großer Landkreis'], maxGroupSize: 2, phaseStations: { ...TREE_DAY_PHASE_STATIONS } }
  created = await createEventWithKey(server, { title: 'Geteilte Gruppen', date: '2018-06-26', tableNames: [], template: TREE_DAY_TEMPLATE, treeMethod })
  await writeTree('kleiner-landkreis-a', [node('corea000', 'core', null, 'Ehrenamt bricht weg')])
})

afterAll(async () => {
  for (const p of open) p.destroy()
  await browser?.close()
  await server?.stop()
  if (server) removeDir(server.dataDir)
})

describe('a value split into groups A, B, … on the projector', () => {
  it('offers group B once it has a tree, between the value’s A and the next value, and keeps the group shown when it appears', async () => {
    const page = await (await browser.newContext(PROJECTOR)).newPage()
    await page.goto(`${server.url}${created.links.projector.replace('#', '?group=grosser-landkreis-a#')}`)
    await page.getByRole('heading', { name: 'Problembaum: großer Landkreis A' }).waitFor()
    const groupButtons = () => page.locator('button[aria-pressed]').allInnerTexts()
    expect(await groupButtons()).toEqual(expect.arrayContaining(['kleiner Landkreis A', 'großer Landkreis A']))
    expect((await groupButtons()).some((b) => b.includes('kleiner Landkreis B'))).toBe(false)
    // Group B of "kleiner Landkreis" writes its first node: the projector learns of it within its next look.
    await writeTree('kleiner-landkreis-b', [node('coreb000', 'core', null, 'Keine Räume für Treffen')])
    await page.getByRole('button', { name: 'kleiner Landkreis B', exact: true }).waitFor({ timeout: 20_000 })
    const named = (await groupButtons()).filter((b) => b.includes('Landkreis'))
    expect(named.slice(0, 3)).toEqual(['kleiner Landkreis A', 'kleiner Landkreis B', 'großer Landkreis A'])
    // The group shown stays the one shown although a group came in before it.
    await page.getByRole('heading', { name: 'Problembaum: großer Landkreis A' }).waitFor()
    await page.getByRole('button', { name: 'kleiner Landkreis B', exact: true }).click()
    await page.getByRole('heading', { name: 'Problembaum: kleiner Landkreis B' }).waitFor()
    await page.getByText('Keine Räume für Treffen').first().waitFor()
  }, 60_000)
})
