import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, TREE_NODES_ROOT, type TreeNode, readTree } from '@tischrunde/shared'
import { api, join } from './helpers/api.js'
import { command } from './helpers/command.js'
import { joinTreeGroup, writeTreeNodes } from './helpers/tree-group.js'
import { type BoardClient, connectDoc } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, authorId: string, text: string, order = 0): TreeNode => ({ id, kind, parentId, order, text, authorId, createdAt: 1 })

/** Two phones of one group write the same node of their solution tree at once (one of them on a dropped Wi-Fi). */
describe('two phones change one objective at the same time', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let anna: { token: string; participantId: string }
  let ben: { token: string; participantId: string }
  const name = (phase: string) => `tree.${cafe.event.id}.grosser-landkreis.${phase}`
  const means = (client: BoardClient, id: string) => readTree(client.doc).byId.get(id)
  const write = (client: BoardClient, id: string, change: (n: TreeNode) => Partial<TreeNode>) => {
    const before = client.doc.getMap<TreeNode>(TREE_NODES_ROOT).get(id)!
    client.doc.getMap<TreeNode>(TREE_NODES_ROOT).set(id, { ...before, ...change(before) })
  }

  beforeAll(async () => {
    data = await tempDataDir('tree-concurrent')
    running = await startServer(data.dir)
    cafe = (await api<CreateEventResponse>(running.url, '/api/events', { body: { title: 'Lösungsbaum', date: '2018-06-26', tableNames: [], treeMethod: {} }, token: running.server.credentials.adminKey })).body
    anna = await join(running.url, cafe.joinCode)
    ben = await join(running.url, cafe.joinCode)
    await joinTreeGroup(running.url, anna.token, 'großer Landkreis')
    await joinTreeGroup(running.url, ben.token, 'großer Landkreis')
    await writeTreeNodes(running.url, name('problem'), anna.token, [
      node('core0001', 'core', null, anna.participantId, 'Kooperation bleibt punktuell'),
      node('cause001', 'cause', 'core0001', anna.participantId, 'Keine Ansprechpersonen', 1),
      node('cause002', 'cause', 'core0001', anna.participantId, 'Kein Budget', 2),
      node('cause003', 'cause', 'core0001', anna.participantId, 'Keine Räume', 3),
      node('cause004', 'cause', 'core0001', anna.participantId, 'Keine Dolmetscher', 4),
    ])
    expect(await command(running.url, cafe.facilitatorToken, 'tree:objectives', { groupId: 'grosser-landkreis' })).toMatchObject({ ok: true, data: { leftOut: 0 } })
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  async function twoPhones(): Promise<[BoardClient, BoardClient]> {
    const a = connectDoc(running.url, name('objective'), anna.token)
    const b = connectDoc(running.url, name('objective'), ben.token)
    await Promise.all([a.synced(), b.synced()])
    await waitFor(() => readTree(a.doc).byId.size === 5 && readTree(b.doc).byId.size === 5, 'the solution tree on both phones')
    return [a, b]
  }

  it('keeps both measures added to one means, and both helpers, when each phone was told "gespeichert"', async () => {
    const [a, b] = await twoPhones()
    try {
      b.provider.disconnect()
      write(a, 'cause001', (n) => ({ measures: [...(n.measures ?? []), 'Sprechstunde im Rathaus'], helpers: ['Landratsamt'] }))
      await a.saved()
      write(b, 'cause001', (n) => ({ measures: [...(n.measures ?? []), 'Patenprogramm mit Vereinen'], helpers: ['Ehrenamtskoordination'] }))
      b.provider.connect()
      await b.saved()
      const both = (c: BoardClient) => {
        const m = means(c, 'cause001')
        return m?.measures?.length === 2 && m.helpers?.length === 2
      }
      await waitFor(() => both(a) && both(b), 'both phones to show both entries')
      expect([...means(a, 'cause001')!.measures!].sort()).toEqual(['Patenprogramm mit Vereinen', 'Sprechstunde im Rathaus'])
      expect([...means(b, 'cause001')!.helpers!].sort()).toEqual(['Ehrenamtskoordination', 'Landratsamt'])
      expect([...a.closeCodes, ...b.closeCodes]).toEqual([])
    } finally {
      a.destroy()
      b.destroy()
    }
    // Stored as well: a projector that opens the tree now reads them.
    const projector = connectDoc(running.url, name('objective'), cafe.projectorToken)
    try {
      await projector.synced()
      await waitFor(() => means(projector, 'cause001')?.measures?.length === 2, 'the projector to read both measures')
    } finally {
      projector.destroy()
    }
  })

  it('keeps all three measures when a phone writes on top of a list the server has merged meanwhile', async () => {
    const [a, b] = await twoPhones()
    try {
      const add = (c: BoardClient, entry: string) => write(c, 'cause004', (n) => ({ measures: [...(n.measures ?? []), entry] }))
      // The second phone is away while the first adds a measure; it adds one of its own meanwhile.
      b.provider.disconnect()
      add(a, 'Dolmetscherpool anlegen')
      await a.saved()
      add(b, 'Sprachmittler aus Vereinen')
      // The first phone drops out before the server merges the two, and adds a third to the list it knew.
      a.provider.disconnect()
      b.provider.connect()
      await b.saved()
      add(a, 'Videodolmetschen testen')
      a.provider.connect()
      await a.saved()
      const all = (c: BoardClient) => means(c, 'cause004')?.measures?.length === 3
      await waitFor(() => all(a) && all(b), 'all three measures on both phones')
      expect([...means(b, 'cause004')!.measures!].sort()).toEqual(['Dolmetscherpool anlegen', 'Sprachmittler aus Vereinen', 'Videodolmetschen testen'])
    } finally {
      a.destroy()
      b.destroy()
    }
  })

  // Of two versions written at once, Yjs keeps one by the writers' client ids: the same scene played
  // with the roles swapped makes the rewording the one that loses in one of the two.
  it('keeps a rewording of the problem’s text made while another phone added a measure to the same means, whichever stood', async () => {
    const [a, b] = await twoPhones()
    try {
      for (const [offline, online, id] of [[a, b, 'cause002'], [b, a, 'cause003']] as const) {
        offline.provider.disconnect()
        write(online, id, (n) => ({ measures: [...(n.measures ?? []), 'Fördertopf des Landes prüfen'] }))
        await online.saved()
        write(offline, id, () => ({ text: 'Ein eigenes Budget ist eingeplant', placeholder: false }))
        offline.provider.connect()
        await offline.saved()
        const merged = (c: BoardClient) => means(c, id)?.text === 'Ein eigenes Budget ist eingeplant' && means(c, id)?.measures?.length === 1
        await waitFor(() => merged(a) && merged(b), `both phones to show the new wording of ${id} with its measure`)
        expect(means(online, id)).toMatchObject({ placeholder: false, measures: ['Fördertopf des Landes prüfen'] })
      }
    } finally {
      a.destroy()
      b.destroy()
    }
  })
})
