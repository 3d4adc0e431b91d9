import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, TREE_NODES_ROOT, type TreeNode, findTreeProblem, readTree } from '@tischrunde/shared'
import { api, join } from './helpers/api.js'
import { command } from './helpers/command.js'
import { joinTreeGroup, writeTreeNodes } from './helpers/tree-group.js'
import { connectDoc } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, authorId: string | null, text: string, order = 0): TreeNode => ({ id, kind, parentId, order, text, authorId, createdAt: 1 })

describe('the facilitator derives the objective tree again after the problem tree changed in the afternoon', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let anna: { token: string; participantId: string }
  const name = (phase: string) => `tree.${cafe.event.id}.grosser-landkreis.${phase}`
  const derive = () => command(running.url, cafe.facilitatorToken, 'tree:objectives', { groupId: 'grosser-landkreis' })

  beforeAll(async () => {
    data = await tempDataDir('tree-objectives-rerun')
    running = await startServer(data.dir)
    cafe = (await api<CreateEventResponse>(running.url, '/api/events', { body: { title: 'Lösungsbaum', date: '2018-06-26', tableNames: [], treeMethod: {} }, token: running.server.credentials.adminKey })).body
    anna = await join(running.url, cafe.joinCode)
    await joinTreeGroup(running.url, anna.token, 'großer Landkreis')
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('leaves a tree the group can still write to, and brings back no objective the group deleted', async () => {
    const me = anna.participantId
    await writeTreeNodes(running.url, name('problem'), anna.token, [
      node('core0001', 'core', null, me, 'Kooperation bleibt punktuell'),
      node('cause001', 'cause', 'core0001', me, 'Keine Ansprechpersonen', 1),
      node('cause002', 'cause', 'core0001', me, 'Kein Budget', 2),
    ])
    expect(await derive()).toEqual({ ok: true, data: { written: 3, leftOut: 0, leftOutTexts: [] } })

    // The group deletes one objective (the console, as objectives from the problem tree are nobody's).
    const console_ = connectDoc(running.url, name('objective'), cafe.facilitatorToken)
    try {
      await console_.synced()
      await waitFor(() => readTree(console_.doc).byId.size === 3, 'the three objectives on the console')
      console_.doc.getMap(TREE_NODES_ROOT).delete('cause001')
      await console_.saved()
      expect(console_.refusals).toEqual([])
    } finally {
      console_.destroy()
    }

    // Afternoon: Anna turns her cause into an effect, adds an effect under it, a cause under the deleted objective's problem and one more cause.
    await writeTreeNodes(running.url, name('problem'), anna.token, [
      node('cause002', 'effect', 'core0001', me, 'Kein Budget', 2),
      node('effect03', 'effect', 'cause002', me, 'Projekte enden früh'),
      node('cause004', 'cause', 'cause001', me, 'Ehrenamt wechselt oft'),
      node('cause005', 'cause', 'core0001', me, 'Keine Räume', 3),
    ])
    // The console learns what stayed out, to add it by hand: the end under the means, named once; not the
    // cause under the objective the group deleted.
    expect(await derive()).toEqual({ ok: true, data: { written: 1, leftOut: 1, leftOutTexts: ['Projekte enden früh'] } })

    const phone = connectDoc(running.url, name('objective'), anna.token)
    try {
      await phone.synced()
      await running.server.rooms.settle()
      const nodes = readTree(phone.doc).byId
      expect(findTreeProblem('objective', nodes)).toBeNull()
      // What fits comes in; the end under the means, and the deleted objective with its branch, stay out.
      expect([...nodes.keys()].sort()).toEqual(['cause002', 'cause005', 'core0001'])
      phone.doc.getMap(TREE_NODES_ROOT).set('means009', node('means009', 'means', 'core0001', me, 'Fördermittel beantragen', 4))
      await phone.saved()
      expect(phone.refusals).toEqual([])
    } finally {
      phone.destroy()
    }
    const projector = connectDoc(running.url, name('objective'), cafe.projectorToken)
    try {
      await projector.synced()
      await waitFor(() => readTree(projector.doc).byId.has('means009'), 'the participant’s new means on the projector')
      expect(readTree(projector.doc).byId.has('cause001')).toBe(false)
    } finally {
      projector.destroy()
    }
    // Pressed again with nothing new: nothing written, and the console is told the tree is up to date.
    expect(await derive()).toEqual({ ok: true, data: { written: 0, leftOut: 1, leftOutTexts: ['Projekte enden früh'] } })
  })

  it('refuses, with a reason the console words, to extend a solution tree holding a misplaced entry (as an older version could leave one)', async () => {
    await running.server.rooms.read(name('objective'), async (room) => {
      room.doc.transact(() => room.doc.getMap(TREE_NODES_ROOT).set('end00099', node('end00099', 'end', 'cause005', null, 'Mehr Raum für Gruppen')), { source: 'server', by: 'older-version' })
      await room.settle()
    })
    expect(await derive()).toMatchObject({ ok: false, code: 'NOT_NOW', params: { reason: 'TREE_OBJECTIVES_BROKEN' } })
  })

  it('says so when the problem tree has entries but no core problem (not that the solution tree is up to date)', async () => {
    await running.server.rooms.read(name('problem'), async (room) => {
      room.doc.transact(() => room.doc.getMap(TREE_NODES_ROOT).delete('core0001'), { source: 'server', by: 'older-version' })
      await room.settle()
    })
    expect(await derive()).toMatchObject({ ok: false, code: 'NOT_NOW', params: { reason: 'TREE_NO_CORE' } })
  })
})
