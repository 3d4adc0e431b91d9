import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataHolds } from './helpers/data-holds.js'
import { type CreateEventResponse, DELETED_PLACEHOLDER_TEXT, TREE_NODES_ROOT, type TreeNode, readTree } from '@tischrunde/shared'
import { api, join } from './helpers/api.js'
import { command } from './helpers/command.js'
import { joinTreeGroup, writeTreeNodes } from './helpers/tree-group.js'
import { connectDoc } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, authorId: string, text: string, order = 0): TreeNode => ({ id, kind, parentId, order, text, authorId, createdAt: 1 })

describe('"Meine Beiträge löschen" after the objective tree was made from the problem tree', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const name = (phase: string) => `tree.${cafe.event.id}.grosser-landkreis.${phase}`

  beforeAll(async () => {
    data = await tempDataDir('tree-forget-objectives')
    running = await startServer(data.dir)
    cafe = (await api<CreateEventResponse>(running.url, '/api/events', { body: { title: 'Lösungsbaum', date: '2018-06-26', tableNames: [], treeMethod: {} }, token: running.server.credentials.adminKey })).body
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('takes the problem’s text out of its placeholder objective too (from the disk and the export); an objective the group built on keeps its place with a neutral text', async () => {
    const anna = await join(running.url, cafe.joinCode)
    const ben = await join(running.url, cafe.joinCode)
    for (const p of [anna, ben]) await joinTreeGroup(running.url, p.token, 'großer Landkreis')
    const secret = 'Frau Beispiel aus dem Sozialamt blockiert'
    await writeTreeNodes(running.url, name('problem'), ben.token, [node('core0001', 'core', null, ben.participantId, 'Kooperation bleibt punktuell')])
    await writeTreeNodes(running.url, name('problem'), anna.token, [
      node('cause001', 'cause', 'core0001', anna.participantId, `${secret} (Ursache)`, 1),
      node('effect01', 'effect', 'core0001', anna.participantId, `${secret} (Folge)`, 2),
    ])
    expect(await command(running.url, cafe.facilitatorToken, 'tree:objectives', { groupId: 'grosser-landkreis' })).toMatchObject({ ok: true, data: { leftOut: 0 } })
    // Ben adds a means below the objective that answers Anna's cause.
    await writeTreeNodes(running.url, name('objective'), ben.token, [node('means002', 'means', 'cause001', ben.participantId, 'Runder Tisch im Quartier', 1)])
    expect(await dataHolds(data.dir, secret)).toBe(true)

    const done = await api<{ removed: number }>(running.url, `/api/events/${cafe.event.id}/my-contributions`, { method: 'DELETE', token: anna.token })
    expect(done).toEqual({ status: 200, body: { removed: 2 } })
    await running.server.rooms.settle()
    const reader = connectDoc(running.url, name('objective'), cafe.facilitatorToken)
    try {
      await reader.synced()
      const objectives = readTree(reader.doc)
      expect([...objectives.byId.values()].map((n) => `${n.kind} ${n.text}`).sort()).toEqual(['goal Kooperation bleibt punktuell', `means ${DELETED_PLACEHOLDER_TEXT}`, 'means Runder Tisch im Quartier'].sort())
      expect((reader.doc.getMap(TREE_NODES_ROOT).get('cause001') as TreeNode).answersProblemId).toBeUndefined()
    } finally {
      reader.destroy()
    }
    expect(await dataHolds(data.dir, secret)).toBe(false)
    const markdown = await fetch(`${running.url}/api/events/${cafe.event.id}/export?format=md`, { headers: { authorization: `Bearer ${cafe.facilitatorToken}` } })
    expect(markdown.status).toBe(200)
    const text = await markdown.text()
    expect(text).not.toContain(secret)
    expect(text).toContain('Runder Tisch im Quartier')
  })
})
