import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, TREE_NODES_ROOT, type TreeNode, flattenTree, readTree } from '@tischrunde/shared'
import { api, join } from './helpers/api.js'
import { joinTreeGroup } from './helpers/tree-group.js'
import { connectDoc } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, authorId: string | null, text: string): TreeNode => ({
  id,
  kind,
  parentId,
  order: 0,
  text,
  authorId,
  createdAt: 1,
})

describe('a group’s problem tree, served by the registered tree kind', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let anna: { token: string; participantId: string }
  const treeName = () => `tree.${cafe.event.id}.kleiner-landkreis.problem`

  beforeAll(async () => {
    data = await tempDataDir('tree-doc')
    running = await startServer(data.dir, { roomIdleMs: 50 })
    const { status, body } = await api<CreateEventResponse>(running.url, '/api/events', {
      body: { title: 'Externe Kooperation', date: '2018-06-26', place: 'KWADRAT', tableNames: [], treeMethod: {} },
      token: running.server.credentials.adminKey,
    })
    expect(status).toBe(201)
    cafe = body
    anna = await join(running.url, cafe.joinCode)
    await joinTreeGroup(running.url, anna.token, 'kleiner Landkreis')
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('lets a phone add a core problem and a cause, and the projector sees them', async () => {
    const phone = connectDoc(running.url, treeName(), anna.token)
    const projector = connectDoc(running.url, treeName(), cafe.projectorToken)
    try {
      await phone.synced()
      await projector.synced()
      const nodes = phone.doc.getMap(TREE_NODES_ROOT)
      nodes.set('core0001', node('core0001', 'core', null, anna.participantId, 'Kooperation mit Vereinen stockt'))
      nodes.set('cause001', node('cause001', 'cause', 'core0001', anna.participantId, 'Keine festen Ansprechpersonen'))
      nodes.set('cause002', node('cause002', 'cause', 'cause001', anna.participantId, 'Ehrenamt wechselt oft'))
      await phone.saved()
      await waitFor(() => readTree(projector.doc).byId.size === 3, 'the three nodes on the projector')
      expect(flattenTree(readTree(projector.doc)).map((i) => `${i.number} ${i.node.text}`)).toEqual([
        '1 Kooperation mit Vereinen stockt',
        '1.1 Keine festen Ansprechpersonen',
        '1.1.1 Ehrenamt wechselt oft',
      ])
      expect(phone.closeCodes).toEqual([])
    } finally {
      phone.destroy()
      projector.destroy()
    }
  })

  it('refuses a move under the node’s own descendant without closing the writer, and gives it the tree back', async () => {
    const phone = connectDoc(running.url, treeName(), anna.token)
    try {
      await phone.synced()
      await waitFor(() => readTree(phone.doc).byId.size === 3, 'the stored tree on the phone')
      phone.doc.getMap(TREE_NODES_ROOT).set('cause001', node('cause001', 'cause', 'cause002', anna.participantId, 'Keine festen Ansprechpersonen'))
      await waitFor(() => phone.refusals.length > 0, 'the server to refuse the cycle')
      expect(phone.refusals).toEqual(['TREE_CONFLICT'])
      // A move writes no new text: none comes back to be sent again (the node stays where it was).
      expect(phone.refusedTexts).toEqual([])
      // Taken and undone: the writer's own copy is whole again, and it was not closed for it.
      await waitFor(() => (phone.doc.getMap(TREE_NODES_ROOT).get('cause001') as TreeNode).parentId === 'core0001', 'the move undone on the phone')
      expect(phone.closeCodes).toEqual([])
    } finally {
      phone.destroy()
    }
    const reader = connectDoc(running.url, treeName(), cafe.facilitatorToken)
    try {
      await reader.synced()
      await waitFor(() => readTree(reader.doc).byId.size === 3, 'the tree on the facilitator’s copy')
      expect((reader.doc.getMap(TREE_NODES_ROOT).get('cause001') as TreeNode).parentId).toBe('core0001')
    } finally {
      reader.destroy()
    }
  })

  it('takes one of two core problems sent at the same moment; the other phone keeps its text and its connection', async () => {
    const name = `tree.${cafe.event.id}.grosser-landkreis.problem`
    const [bea, cem] = [await join(running.url, cafe.joinCode), await join(running.url, cafe.joinCode)]
    await joinTreeGroup(running.url, bea.token, 'großer Landkreis')
    await joinTreeGroup(running.url, cem.token, 'großer Landkreis')
    const phones = [connectDoc(running.url, name, bea.token), connectDoc(running.url, name, cem.token)]
    try {
      await Promise.all(phones.map((p) => p.synced()))
      // Both write before either hears of the other's.
      phones[0]!.doc.getMap(TREE_NODES_ROOT).set('coreBea1', node('coreBea1', 'core', null, bea.participantId, 'Zu wenig Wohnraum'))
      phones[1]!.doc.getMap(TREE_NODES_ROOT).set('coreCem1', node('coreCem1', 'core', null, cem.participantId, 'Sprachkurse fehlen'))
      await waitFor(() => phones.some((p) => p.refusals.length > 0), 'the server to refuse the second core problem')
      await waitFor(() => phones.every((p) => readTree(p.doc).byId.size === 1), 'one core problem on both phones')
      const refused = phones.find((p) => p.refusals.length > 0)!
      const taken = phones.find((p) => p !== refused)!
      expect(refused.refusals).toEqual(['TREE_CONFLICT'])
      expect(refused.refusedTexts).toEqual([refused === phones[0] ? 'Zu wenig Wohnraum' : 'Sprachkurse fehlen'])
      expect(readTree(refused.doc).core?.node.text).toBe(readTree(taken.doc).core?.node.text)
      expect(phones.map((p) => p.closeCodes)).toEqual([[], []])
    } finally {
      phones.forEach((p) => p.destroy())
    }
  })

  it('lets the projector read but not write, and closes on another participant’s edit', async () => {
    const projector = connectDoc(running.url, treeName(), cafe.projectorToken)
    try {
      await projector.synced()
      projector.doc.getMap(TREE_NODES_ROOT).set('proj0001', node('proj0001', 'effect', 'core0001', null, 'vom Beamer'))
      await waitFor(() => projector.closeCodes.length > 0, 'the server to close the writing projector')
      expect(projector.closeCodes[0]).toBe(4403)
    } finally {
      projector.destroy()
    }
    const bernd = await join(running.url, cafe.joinCode)
    await joinTreeGroup(running.url, bernd.token, 'kleiner Landkreis')
    const other = connectDoc(running.url, treeName(), bernd.token)
    try {
      await other.synced()
      await waitFor(() => readTree(other.doc).byId.size === 3, 'the tree on Bernd’s phone')
      other.doc.getMap(TREE_NODES_ROOT).set('core0001', node('core0001', 'core', null, anna.participantId, 'umgeschrieben'))
      await waitFor(() => other.closeCodes.length > 0, 'the server to close the writer of a foreign edit')
      expect(other.closeCodes[0]).toBe(4400)
    } finally {
      other.destroy()
    }
  })

  it('opens no tree of a group the event does not have', async () => {
    const status = await new Promise<number | undefined>((resolve) => {
      const ws = new WebSocket(`${running.url.replace(/^http/, 'ws')}/yjs/tree.${cafe.event.id}.atlantis.problem?token=${encodeURIComponent(anna.token)}`)
      ws.on('unexpected-response', (req, res) => (res.resume(), req.destroy(), resolve(res.statusCode)))
      ws.on('open', () => (ws.terminate(), resolve(101)))
      ws.on('error', () => {})
    })
    expect(status).toBe(404)
  })

  it('stores the tree, unloads it when idle, and serves it again after a restart', async () => {
    await waitFor(async () => !(await running.server.rooms.loaded()).some((r) => r.name === treeName()), 'the idle tree to unload')
    expect((await readdir(path.join(data.dir, 'boards'))).some((f) => f.startsWith(`tree.${cafe.event.id}.kleiner-landkreis.problem`))).toBe(true)
    await running.close()
    running = await startServer(data.dir, { roomIdleMs: 50 })
    const reader = connectDoc(running.url, treeName(), cafe.projectorToken)
    try {
      await reader.synced()
      await waitFor(() => readTree(reader.doc).byId.size === 3, 'the three stored nodes')
      expect(readTree(reader.doc).core?.node.text).toBe('Kooperation mit Vereinen stockt')
    } finally {
      reader.destroy()
    }
  })
})
