import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, TREE_NODES_ROOT, type TreeNode, flattenTree, readTree } from '@tischrunde/shared'
import { api, tokenOfLink } from './helpers/api.js'
import { connectDoc } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, text: string, order = 0): TreeNode => ({ id, kind, parentId, order, text, authorId: null, createdAt: 1 })

describe('the trees travel out and back in', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const treeName = (eventId: string) => `tree.${eventId}.kleiner-landkreis.problem`

  beforeAll(async () => {
    data = await tempDataDir('tree-transfer')
    running = await startServer(data.dir)
    cafe = (await api<CreateEventResponse>(running.url, '/api/events', { body: { title: 'Bäume', date: '2018-06-26', tableNames: [], treeMethod: {} }, token: running.server.credentials.adminKey })).body
    const writer = connectDoc(running.url, treeName(cafe.event.id), cafe.facilitatorToken)
    try {
      await writer.synced()
      const map = writer.doc.getMap(TREE_NODES_ROOT)
      writer.doc.transact(() => {
        for (const n of [node('core0001', 'core', null, 'Kooperation stockt'), node('cause001', 'cause', 'core0001', 'Keine Ansprechpersonen'), node('cause002', 'cause', 'cause001', 'Ehrenamt wechselt')]) map.set(n.id, n)
      })
      await writer.saved()
    } finally {
      writer.destroy()
    }
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('serves a group’s tree as SVG and PNG to the facilitator only', async () => {
    const get = (query: string, token: string) => fetch(`${running.url}/api/events/${cafe.event.id}/tree-image?${query}`, { headers: { authorization: `Bearer ${token}` } })
    const svg = await get('group=kleiner-landkreis&phase=problem&format=svg', cafe.facilitatorToken)
    expect(svg.status).toBe(200)
    expect(svg.headers.get('content-type')).toContain('image/svg+xml')
    const text = await svg.text()
    expect(text).toContain('Ehrenamt wechselt')
    expect(text).toContain('<title>Problembaum: kleiner Landkreis</title>')
    const png = await get('group=kleiner-landkreis&phase=problem&format=png', cafe.facilitatorToken)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(Array.from(new Uint8Array(await png.arrayBuffer()).slice(1, 4))).toEqual([0x50, 0x4e, 0x47])
    expect((await get('group=atlantis&phase=problem&format=svg', cafe.facilitatorToken)).status).toBe(400)
    expect((await get('group=kleiner-landkreis&phase=problem&format=gif', cafe.facilitatorToken)).status).toBe(400)
    expect((await get('group=kleiner-landkreis&phase=problem&format=svg', cafe.projectorToken)).status).toBe(403)
  })

  it('imports the JSON export as a new event with the same trees', async () => {
    const exported = await fetch(`${running.url}/api/events/${cafe.event.id}/export?format=json`, { headers: { authorization: `Bearer ${cafe.facilitatorToken}` } })
    const json = (await exported.json()) as unknown
    const imported = await api<{ id: string; links: { projector: string } }>(running.url, '/api/events/import', { body: json, token: running.server.credentials.adminKey })
    expect(imported.status).toBe(201)
    expect(imported.body.id).not.toBe(cafe.event.id)
    const reader = connectDoc(running.url, treeName(imported.body.id), tokenOfLink(imported.body.links.projector))
    try {
      await reader.synced()
      await waitFor(() => readTree(reader.doc).byId.size === 3, 'the imported tree')
      expect(flattenTree(readTree(reader.doc)).map((i) => `${i.number} ${i.node.text}`)).toEqual(['1 Kooperation stockt', '1.1 Keine Ansprechpersonen', '1.1.1 Ehrenamt wechselt'])
    } finally {
      reader.destroy()
    }
  })
})
