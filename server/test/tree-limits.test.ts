import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, TREE_NODES_MAX, TREE_NODES_PER_PARTICIPANT_MAX, TREE_NODES_ROOT, type TreeNode, WriteRefusal, readTree } from '@tischrunde/shared'
import { api, join } from './helpers/api.js'
import { type BoardClient, connectDoc } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { joinTreeGroup } from './helpers/tree-group.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, authorId: string | null, text: string, extra: Partial<TreeNode> = {}): TreeNode => ({
  id,
  kind,
  parentId,
  order: 0,
  text,
  authorId,
  createdAt: 1,
  ...extra,
})

/** The core and `count` causes under it, the i-th written by `authorOf(i)`. */
function causes(prefix: string, count: number, authorOf: (i: number) => string | null): TreeNode[] {
  const list = Array.from({ length: count }, (_, i) => node(`${prefix}node${String(i).padStart(4, '0')}`, 'cause', `${prefix}core00`, authorOf(i), `Ursache ${i} ${'x'.repeat(200)}`, { order: i }))
  return [node(`${prefix}core00`, 'core', null, null, 'Kooperation stockt'), ...list]
}

/** Writes nodes as the facilitator (unlimited, unpaced) and waits until they are stored. */
async function seed(url: string, docName: string, token: string, nodes: readonly TreeNode[]): Promise<void> {
  const console = connectDoc(url, docName, token)
  try {
    await console.synced()
    const map = console.doc.getMap(TREE_NODES_ROOT)
    console.doc.transact(() => nodes.forEach((n) => map.set(n.id, n)))
    await console.saved(10_000)
    expect([console.refusals, console.closeCodes]).toEqual([[], []])
  } finally {
    console.destroy()
  }
}

describe('how many nodes a participant may write to their group’s tree', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const phones: BoardClient[] = []
  const treeName = (group: string, phase = 'problem') => `tree.${cafe.event.id}.${group}.${phase}`
  const phone = async (token: string, name: string) => {
    const client = connectDoc(running.url, name, token)
    phones.push(client)
    await client.synced()
    return client
  }

  beforeAll(async () => {
    data = await tempDataDir('tree-limits')
    running = await startServer(data.dir, { roomIdleMs: 50 })
    const created = await api<CreateEventResponse>(running.url, '/api/events', {
      body: { title: 'Externe Kooperation', date: '2018-06-26', place: 'KWADRAT', tableNames: [], treeMethod: {} },
      token: running.server.credentials.adminKey,
    })
    expect(created.status).toBe(201)
    cafe = created.body
  })
  afterAll(async () => {
    phones.forEach((p) => p.destroy())
    await running?.close()
    await data?.remove()
  })

  it('refuses one person’s node past their limit, keeps their socket and text, and still takes another member’s', async () => {
    const [anna, bea] = [await join(running.url, cafe.joinCode), await join(running.url, cafe.joinCode)]
    const group = await joinTreeGroup(running.url, anna.token, 'kleiner Landkreis')
    await joinTreeGroup(running.url, bea.token, 'kleiner Landkreis')
    // Anna already has as many as one person may: the rest of the tree stays open to her group.
    await seed(running.url, treeName(group), cafe.facilitatorToken, causes('kl', TREE_NODES_PER_PARTICIPANT_MAX, () => anna.participantId))
    const annas = await phone(anna.token, treeName(group))
    const beas = await phone(bea.token, treeName(group))
    await waitFor(() => readTree(annas.doc).byId.size === TREE_NODES_PER_PARTICIPANT_MAX + 1, 'the tree on Anna’s phone')

    annas.doc.getMap(TREE_NODES_ROOT).set('klanna01', node('klanna01', 'cause', 'klcore00', anna.participantId, 'Keine festen Ansprechpersonen'))
    await waitFor(() => annas.refusals.length > 0, 'the server to refuse Anna’s node')
    expect(annas.refusals).toEqual([WriteRefusal.TOO_MANY_CARDS])
    expect(annas.refusedTexts).toEqual(['Keine festen Ansprechpersonen'])
    await waitFor(() => !annas.doc.getMap(TREE_NODES_ROOT).has('klanna01'), 'Anna’s node undone on her phone')

    beas.doc.getMap(TREE_NODES_ROOT).set('klbea001', node('klbea001', 'cause', 'klcore00', bea.participantId, 'Ehrenamt wechselt oft'))
    await beas.saved()
    await waitFor(() => annas.doc.getMap(TREE_NODES_ROOT).has('klbea001'), 'Bea’s node on Anna’s phone')
    expect(beas.refusals).toEqual([])
    expect([annas.closeCodes, beas.closeCodes]).toEqual([[], []])
  })

  it('lets a participant delete their own node in a full tree, and then add one in its place', async () => {
    const cem = await join(running.url, cafe.joinCode)
    const group = await joinTreeGroup(running.url, cem.token, 'großer Landkreis')
    // A full tree: ten of Cem's nodes, the rest a flood under another name.
    await seed(running.url, treeName(group), cafe.facilitatorToken, causes('gr', TREE_NODES_MAX - 1, (i) => (i < 10 ? cem.participantId : 'flood-0000001')))
    const cems = await phone(cem.token, treeName(group))
    await waitFor(() => readTree(cems.doc).byId.size === TREE_NODES_MAX, 'the full tree on Cem’s phone')
    const nodes = cems.doc.getMap(TREE_NODES_ROOT)

    nodes.set('grcem001', node('grcem001', 'cause', 'grcore00', cem.participantId, 'Sprachkurse fehlen'))
    await waitFor(() => cems.refusals.length > 0, 'the server to refuse a node in the full tree')
    expect(cems.refusals).toEqual([WriteRefusal.TOO_MANY_CARDS])
    await waitFor(() => !nodes.has('grcem001'), 'the refused node undone on Cem’s phone')

    nodes.delete('grnode0000')
    await cems.saved()
    nodes.set('grcem002', node('grcem002', 'cause', 'grcore00', cem.participantId, 'Sprachkurse fehlen'))
    await cems.saved()
    expect(cems.refusals).toEqual([WriteRefusal.TOO_MANY_CARDS])
    expect(cems.closeCodes).toEqual([])

    const reader = await phone(cafe.projectorToken, treeName(group))
    await waitFor(() => reader.doc.getMap(TREE_NODES_ROOT).has('grcem002'), 'the new node on the projector')
    expect(reader.doc.getMap(TREE_NODES_ROOT).has('grnode0000')).toBe(false)
    expect(readTree(reader.doc).byId.size).toBe(TREE_NODES_MAX)
  })

  it('closes a phone that attaches measures to the goal of its solution tree, and keeps them off', async () => {
    const dora = await join(running.url, cafe.joinCode)
    const group = await joinTreeGroup(running.url, dora.token, 'kleiner Landkreis')
    const doras = await phone(dora.token, treeName(group, 'objective'))
    doras.doc.getMap(TREE_NODES_ROOT).set('goaldora', node('goaldora', 'goal', null, dora.participantId, 'Kooperation gelingt', { measures: ['Runder Tisch'] }))
    await waitFor(() => doras.closeCodes.length > 0, 'the server to close Dora’s socket')
    const reader = await phone(cafe.facilitatorToken, treeName(group, 'objective'))
    await reader.saved()
    expect(reader.doc.getMap(TREE_NODES_ROOT).has('goaldora')).toBe(false)
  })
})
