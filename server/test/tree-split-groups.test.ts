import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, type EventExport, TREE_DAY_PHASE_STATIONS, type TreeGroupsAnswer, TREE_DAY_TEMPLATE, type TreeNode, readTree } from '@tischrunde/shared'
import { api, join } from './helpers/api.js'
import { joinTreeGroup, writeTreeNodes } from './helpers/tree-group.js'
import { connectDoc } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, authorId: string, text: string): TreeNode => ({ id, kind, parentId, order: 0, text, authorId, createdAt: 1 })

describe('a value split into groups A, B, … (a maximum group size)', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let day: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('tree-split-groups')
    running = await startServer(data.dir)
    const body = { title: 'Bremen', date: '2018-06-26', tableNames: [], template: TREE_DAY_TEMPLATE, treeMethod: { attribute: 'Kommunengröße', values: ['kleiner Landkreis'], maxGroupSize: 2, phaseStations: { ...TREE_DAY_PHASE_STATIONS } } }
    day = (await api<CreateEventResponse>(running.url, '/api/events', { body, token: running.server.credentials.adminKey })).body
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('gives group B its solution tree at the afternoon station and carries its trees in the event export, as group A', async () => {
    const people = await Promise.all([0, 1, 2].map(() => join(running.url, day.joinCode)))
    const groups: string[] = []
    for (const p of people) groups.push(await joinTreeGroup(running.url, p.token, 'kleiner Landkreis'))
    const groupB = groups[2]!
    expect(groupB).not.toBe(groups[0])
    const writer = people[2]!
    const name = (phase: string) => `tree.${day.event.id}.${groupB}.${phase}`
    await advanceRounds(running.url, day.facilitatorToken)
    await writeTreeNodes(running.url, name('problem'), writer.token, [node('core0001', 'core', null, writer.participantId, 'Ehrenamt bricht weg'), node('cause001', 'cause', 'core0001', writer.participantId, 'Keine Koordination')])
    const phone = connectDoc(running.url, name('objective'), writer.token)
    try {
      await phone.synced()
      await advanceRounds(running.url, day.facilitatorToken)
      await waitFor(() => readTree(phone.doc).byId.size === 2 || undefined, 'group B’s solution tree on its phone')
    } finally {
      phone.destroy()
    }
    // The console and the projector learn of group B from the server (their own list knows group A of each value).
    const asked = await api<TreeGroupsAnswer>(running.url, `/api/events/${day.event.id}/tree-groups`, { token: day.projectorToken })
    expect(asked.body).toEqual({ groups: [groups[0], groupB] })
    expect((await fetch(`${running.url}/api/events/${day.event.id}/tree-groups`)).status).toBe(401)
    const file = (await api<EventExport>(running.url, `/api/events/${day.event.id}/export.json`, { token: day.facilitatorToken })).body
    const ofB = (file.trees ?? []).filter((t) => t.groupId === groupB)
    expect(ofB.map((t) => [t.phase, t.nodes.length])).toEqual([
      ['problem', 2],
      ['objective', 2],
    ])
  })

  it('makes a group’s solution tree at the afternoon station though one of its phones wrote to it too early (the server refused that write)', async () => {
    const body = { title: 'Bremen früh', date: '2018-06-26', tableNames: [], template: TREE_DAY_TEMPLATE, treeMethod: { attribute: 'Kommunengröße', values: ['Stadt'], maxGroupSize: null, phaseStations: { ...TREE_DAY_PHASE_STATIONS } } }
    const early = (await api<CreateEventResponse>(running.url, '/api/events', { body, token: running.server.credentials.adminKey })).body
    const anna = await join(running.url, early.joinCode)
    const groupId = await joinTreeGroup(running.url, anna.token, 'Stadt')
    const name = (phase: string) => `tree.${early.event.id}.${groupId}.${phase}`
    await advanceRounds(running.url, early.facilitatorToken)
    await writeTreeNodes(running.url, name('problem'), anna.token, [node('core0001', 'core', null, anna.participantId, 'Ehrenamt bricht weg'), node('cause001', 'cause', 'core0001', anna.participantId, 'Keine Koordination')])
    const phone = connectDoc(running.url, name('objective'), anna.token)
    try {
      await phone.synced()
      // The solution tree's station has not begun: the server takes the write back and says so.
      phone.doc.getMap('nodes').set('goal0001', node('goal0001', 'goal', null, anna.participantId, 'Zu früh'))
      await waitFor(() => phone.refusals.length > 0 || undefined, 'the refusal')
      await advanceRounds(running.url, early.facilitatorToken)
      await waitFor(() => readTree(phone.doc).byId.size === 2 || undefined, 'the solution tree made from the problem tree')
      expect(readTree(phone.doc).byId.has('goal0001')).toBe(false)
    } finally {
      phone.destroy()
    }
  })
})
