import type * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTORS_ROOT, type ActorRecord, type CreateEventResponse, type EventExport, TREE_DAY_PHASE_STATIONS, TREE_DAY_TEMPLATE, TREE_NODES_ROOT, type TreeGroupsAnswer, type TreeNode, readTree, tablesOf, treePlaceId } from '@tischrunde/shared'
import { actorMapDocName } from '../src/actors/build-actor-map.js'
import { api, join } from './helpers/api.js'
import { connectDoc } from './helpers/board-client.js'
import { command } from './helpers/command.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { joinTreeGroup, writeTreeNodes } from './helpers/tree-group.js'
import { waitFor } from './helpers/wait.js'

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, authorId: string, text: string, extra: Partial<TreeNode> = {}): TreeNode => ({ id, kind, parentId, order: 0, text, authorId, createdAt: 1, ...extra })
const VALUES = ['kleiner Landkreis', 'großer Landkreis']
const split = { attribute: 'Kommunengröße', values: VALUES, maxGroupSize: 2, phaseStations: { ...TREE_DAY_PHASE_STATIONS } }

describe('the groups of a split value stay, whatever happens between them', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer

  const createDay = async (title: string, treeMethod: object = split) =>
    (await api<CreateEventResponse>(running.url, '/api/events', { body: { title, date: '2018-06-26', tableNames: [], template: TREE_DAY_TEMPLATE, treeMethod }, token: running.server.credentials.adminKey })).body
  const groupsOn = async (day: CreateEventResponse) => (await api<TreeGroupsAnswer>(running.url, `/api/events/${day.event.id}/tree-groups`, { token: day.projectorToken })).body.groups

  beforeAll(async () => {
    data = await tempDataDir('tree-groups-kept')
    running = await startServer(data.dir)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('keeps group C though group B never writes: on the screens, at its afternoon station, in the actor map and in the export', async () => {
    const day = await createDay('Bremen mit Lücke')
    const eventId = day.event.id
    const people = await Promise.all([0, 1, 2, 3, 4].map(() => join(running.url, day.joinCode)))
    const groups: string[] = []
    for (const p of people) groups.push(await joinTreeGroup(running.url, p.token, 'kleiner Landkreis'))
    expect(groups).toEqual(['kleiner-landkreis-a', 'kleiner-landkreis-a', 'kleiner-landkreis-b', 'kleiner-landkreis-b', 'kleiner-landkreis-c'])
    // Placed, nobody wrote yet: the console and the projector list every group with people.
    expect(await groupsOn(day)).toEqual(['kleiner-landkreis-a', 'kleiner-landkreis-b', 'kleiner-landkreis-c', 'grosser-landkreis-a'])

    const carla = people[4]!
    const name = (phase: string) => `tree.${eventId}.kleiner-landkreis-c.${phase}`
    await advanceRounds(running.url, day.facilitatorToken)
    await writeTreeNodes(running.url, name('problem'), carla.token, [node('core000c', 'core', null, carla.participantId, 'Ehrenamt bricht weg'), node('cause00c', 'cause', 'core000c', carla.participantId, 'Keine Koordination')])
    const phone = connectDoc(running.url, name('objective'), carla.token)
    try {
      await phone.synced()
      await advanceRounds(running.url, day.facilitatorToken)
      // Group B wrote nothing: group C still gets its solution tree at the afternoon station.
      await waitFor(() => readTree(phone.doc).byId.size === 2 || undefined, 'group C’s solution tree on its phone')
      const goal = [...readTree(phone.doc).byId.values()].find((n) => n.kind === 'goal')!
      phone.doc.getMap(TREE_NODES_ROOT).set('means00c', node('means00c', 'means', goal.id, carla.participantId, 'Ehrenamtsbörse', { helpers: ['Freiwilligenagentur'] }))
      await phone.saved()
    } finally {
      phone.destroy()
    }
    expect(await groupsOn(day)).toEqual(['kleiner-landkreis-a', 'kleiner-landkreis-b', 'kleiner-landkreis-c', 'grosser-landkreis-a'])

    const map = connectDoc(running.url, actorMapDocName(eventId), day.facilitatorToken)
    try {
      await map.synced()
      expect(await command(running.url, day.facilitatorToken, 'actors:refresh', {})).toEqual({ ok: true })
      const named = (doc: Y.Doc) => [...doc.getMap<ActorRecord>(ACTORS_ROOT).values()].find((a) => a.mentions.some((m) => m.text === 'Freiwilligenagentur'))
      const actor = await waitFor(() => named(map.doc), 'group C’s helper in the actor map')
      expect(tablesOf(actor)).toEqual([treePlaceId('kleiner-landkreis-c')])
    } finally {
      map.destroy()
    }

    const file = (await api<EventExport>(running.url, `/api/events/${eventId}/export.json`, { token: day.facilitatorToken })).body
    const ofC = (file.trees ?? []).filter((t) => t.groupId === 'kleiner-landkreis-c')
    expect(ofC.map((t) => [t.phase, t.nodes.length])).toEqual([
      ['problem', 2],
      ['objective', 3],
    ])
  })

  it('refuses a change of the group size or the values that would leave a group with trees or people behind; its trees and its people’s place stay', async () => {
    const day = await createDay('Bremen mittags')
    const eventId = day.event.id
    const [anna, bernd] = await Promise.all([join(running.url, day.joinCode), join(running.url, day.joinCode)])
    const large = await joinTreeGroup(running.url, anna.token, 'großer Landkreis')
    expect(await joinTreeGroup(running.url, bernd.token, 'kleiner Landkreis')).toBe('kleiner-landkreis-a')
    await advanceRounds(running.url, day.facilitatorToken)
    await writeTreeNodes(running.url, `tree.${eventId}.${large}.problem`, anna.token, [node('core0001', 'core', null, anna.participantId, 'Wohnraum fehlt')])

    const refused = { ok: false, code: 'NOT_NOW', params: { reason: 'TREE_GROUPS_IN_USE' } }
    // At lunch: no maximum any more (every group's id would change), or a value taken out (with trees, or with people only).
    expect(await command(running.url, day.facilitatorToken, 'tree:configure', { method: { ...split, maxGroupSize: null } })).toMatchObject(refused)
    expect(await command(running.url, day.facilitatorToken, 'tree:configure', { method: { ...split, values: ['kleiner Landkreis'] } })).toMatchObject(refused)
    expect(await command(running.url, day.facilitatorToken, 'tree:configure', { method: { ...split, values: ['großer Landkreis'] } })).toMatchObject(refused)
    const { body } = await api<{ event: { treeMethod: unknown } }>(running.url, `/api/events/${eventId}`, { token: day.facilitatorToken })
    expect(body.event.treeMethod).toEqual(split)

    // What strands nothing stays allowed: another value, another maximum (the letters stay).
    const more = { ...split, values: [...VALUES, 'größere kreisfreie Stadt'], maxGroupSize: 3 }
    expect(await command(running.url, day.facilitatorToken, 'tree:configure', { method: more })).toEqual({ ok: true })
    expect(await groupsOn(day)).toEqual(['kleiner-landkreis-a', 'grosser-landkreis-a', 'groessere-kreisfreie-stadt-a'])
    // The morning's tree still opens to its group, and Anna keeps her place.
    const phone = connectDoc(running.url, `tree.${eventId}.${large}.problem`, anna.token)
    try {
      await phone.synced()
      expect([...readTree(phone.doc).byId.keys()]).toEqual(['core0001'])
    } finally {
      phone.destroy()
    }
    expect(await command(running.url, anna.token, 'tree:join', { value: 'großer Landkreis' })).toEqual({ ok: true, data: { groupId: large } })
  })

  it('lets the facilitator change the groups freely before anyone picked a value', async () => {
    const day = await createDay('Bremen früh')
    expect(await command(running.url, day.facilitatorToken, 'tree:configure', { method: { ...split, maxGroupSize: null } })).toEqual({ ok: true })
    expect(await command(running.url, day.facilitatorToken, 'tree:configure', { method: { ...split, values: ['Stadt'] } })).toEqual({ ok: true })
  })
})
