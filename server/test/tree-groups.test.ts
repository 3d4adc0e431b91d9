import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, TREE_NODES_ROOT, type TreeNode, readTree } from '@tischrunde/shared'
import { api, join } from './helpers/api.js'
import { connectDoc } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'
import { command } from './helpers/command.js'

/** Opens a raw doc socket: the upgrade's status, and how many bytes of the doc came before it closed. */
function rawOpen(url: string, docName: string, token: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${docName}?token=${encodeURIComponent(token)}`)
    let bytes = 0
    ws.on('unexpected-response', (req, res) => {
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => (req.destroy(), resolve({ status: res.statusCode ?? 0, bytes })))
      res.resume()
    })
    ws.on('message', (data: Buffer) => (bytes += data.length))
    ws.on('open', () => setTimeout(() => (ws.terminate(), resolve({ status: 101, bytes })), 300))
    ws.on('error', () => {})
  })
}

const node = (id: string, kind: TreeNode['kind'], parentId: string | null, authorId: string, text: string): TreeNode => ({ id, kind, parentId, order: 0, text, authorId, createdAt: 1 })

describe('the server holds each participant’s group and opens them only its trees', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const doc = (group: string, phase = 'problem') => `tree.${cafe.event.id}.${group}.${phase}`

  beforeAll(async () => {
    data = await tempDataDir('tree-groups')
    running = await startServer(data.dir)
    cafe = (
      await api<CreateEventResponse>(running.url, '/api/events', {
        body: { title: 'Reflexionsgruppen', date: '2018-06-26', tableNames: [], treeMethod: { maxGroupSize: 2 } },
        token: running.server.credentials.adminKey,
      })
    ).body
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('opens no tree to a participant who has not picked a group (403, not one byte)', async () => {
    const anna = await join(running.url, cafe.joinCode)
    expect(await rawOpen(running.url, doc('kleiner-landkreis-a'), anna.token)).toEqual({ status: 403, bytes: 0 })
  })

  it('places by value with the maximum size, and refuses another group’s tree without a byte of it', async () => {
    const [anna, bernd, carla] = await Promise.all([join(running.url, cafe.joinCode), join(running.url, cafe.joinCode), join(running.url, cafe.joinCode)])
    expect(await command(running.url, anna.token, 'tree:join', { value: 'kleiner Landkreis' })).toEqual({ ok: true, data: { groupId: 'kleiner-landkreis-a' } })
    expect(await command(running.url, bernd.token, 'tree:join', { value: 'kleiner Landkreis' })).toEqual({ ok: true, data: { groupId: 'kleiner-landkreis-a' } })
    // Asking again keeps the group (a reload), even though it is full now.
    expect(await command(running.url, anna.token, 'tree:join', { value: 'kleiner Landkreis' })).toEqual({ ok: true, data: { groupId: 'kleiner-landkreis-a' } })
    expect(await command(running.url, carla.token, 'tree:join', { value: 'kleiner Landkreis' })).toEqual({ ok: true, data: { groupId: 'kleiner-landkreis-b' } })

    const writer = connectDoc(running.url, doc('kleiner-landkreis-a'), anna.token)
    try {
      await writer.synced()
      writer.doc.getMap(TREE_NODES_ROOT).set('core0001', node('core0001', 'core', null, anna.participantId, 'Vereine bleiben außen vor'))
      await writer.saved()
    } finally {
      writer.destroy()
    }
    expect((await rawOpen(running.url, doc('kleiner-landkreis-a'), bernd.token)).status).toBe(101)
    expect((await rawOpen(running.url, doc('kleiner-landkreis-a', 'objective'), bernd.token)).status).toBe(101)
    expect(await rawOpen(running.url, doc('kleiner-landkreis-a'), carla.token)).toEqual({ status: 403, bytes: 0 })
    expect(await rawOpen(running.url, doc('grosser-landkreis-a'), anna.token)).toEqual({ status: 403, bytes: 0 })
    // The projector and the facilitator still see every group.
    expect((await rawOpen(running.url, doc('kleiner-landkreis-b'), cafe.projectorToken)).status).toBe(101)
  })

  it('places eight phones that pick at the same moment into groups of at most the maximum size', async () => {
    const day = (await api<CreateEventResponse>(running.url, '/api/events', { body: { title: 'Alle auf einmal', date: '2018-06-26', tableNames: [], treeMethod: { maxGroupSize: 2 } }, token: running.server.credentials.adminKey })).body
    const phones = await Promise.all(Array.from({ length: 8 }, () => join(running.url, day.joinCode)))
    const acks = await Promise.all(phones.map((p) => command(running.url, p.token, 'tree:join', { value: 'kleiner Landkreis' })))
    const sizes = new Map<string, number>()
    for (const ack of acks) {
      expect(ack.ok).toBe(true)
      const group = (ack as { data: { groupId: string } }).data.groupId
      sizes.set(group, (sizes.get(group) ?? 0) + 1)
    }
    expect([...sizes.values()]).toEqual([2, 2, 2, 2])
  })

  it('keeps a participant’s group when the facilitator would set a group size after their pick (the change is refused)', async () => {
    const day = (await api<CreateEventResponse>(running.url, '/api/events', { body: { title: 'Nachträglich geteilt', date: '2018-06-26', tableNames: [], treeMethod: {} }, token: running.server.credentials.adminKey })).body
    const hana = await join(running.url, day.joinCode)
    expect(await command(running.url, hana.token, 'tree:join', { value: 'kleiner Landkreis' })).toEqual({ ok: true, data: { groupId: 'kleiner-landkreis' } })
    const method = { attribute: 'Kommunengröße', values: ['kleiner Landkreis', 'großer Landkreis'], maxGroupSize: 3 }
    expect(await command(running.url, day.facilitatorToken, 'tree:configure', { method })).toMatchObject({ ok: false, code: 'NOT_NOW', params: { reason: 'TREE_GROUPS_IN_USE' } })
    // The phone asks again with the value it holds (as after a reload): its group, whose tree opens.
    expect(await command(running.url, hana.token, 'tree:join', { value: 'kleiner Landkreis' })).toEqual({ ok: true, data: { groupId: 'kleiner-landkreis' } })
    expect((await rawOpen(running.url, `tree.${day.event.id}.kleiner-landkreis.problem`, hana.token)).status).toBe(101)
  })

  it('refuses a value the method lacks, and the command from a facilitator', async () => {
    const dora = await join(running.url, cafe.joinCode)
    expect(await command(running.url, dora.token, 'tree:join', { value: 'Atlantis' })).toMatchObject({ ok: false, code: 'INVALID_MESSAGE' })
    expect(await command(running.url, dora.token, 'tree:join', { value: 'x'.repeat(81) })).toMatchObject({ ok: false, code: 'INVALID_MESSAGE' })
    expect(await command(running.url, cafe.facilitatorToken, 'tree:join', { value: 'kleiner Landkreis' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('closes the open tree of a participant who moves to another group, and opens the new one', async () => {
    const emil = await join(running.url, cafe.joinCode)
    await command(running.url, emil.token, 'tree:join', { value: 'großer Landkreis' })
    const open = connectDoc(running.url, doc('grosser-landkreis-a'), emil.token)
    try {
      await open.synced()
      expect(await command(running.url, emil.token, 'tree:join', { value: 'mittelgroßer Landkreis' })).toEqual({ ok: true, data: { groupId: 'mittelgrosser-landkreis-a' } })
      await waitFor(() => open.closeCodes.length > 0, 'the old group’s socket to close')
      expect(open.closeCodes[0]).toBe(4403)
    } finally {
      open.destroy()
    }
    expect(await rawOpen(running.url, doc('grosser-landkreis-a'), emil.token)).toEqual({ status: 403, bytes: 0 })
    const fresh = connectDoc(running.url, doc('mittelgrosser-landkreis-a'), emil.token)
    try {
      await fresh.synced()
      expect(readTree(fresh.doc).byId.size).toBe(0)
    } finally {
      fresh.destroy()
    }
  })

  it('keeps the groups over a restart', async () => {
    const frank = await join(running.url, cafe.joinCode)
    await command(running.url, frank.token, 'tree:join', { value: 'größere kreisfreie Stadt' })
    await running.close()
    running = await startServer(data.dir)
    expect((await rawOpen(running.url, doc('groessere-kreisfreie-stadt-a'), frank.token)).status).toBe(101)
    expect(await rawOpen(running.url, doc('kleiner-landkreis-a'), frank.token)).toEqual({ status: 403, bytes: 0 })
  })

  it('lets the facilitator set the groups and the stations that drive the phases, only stations the event has', async () => {
    // Every value keeps its groups (people picked each of them above; one taken out would be refused).
    const method = { attribute: 'Kommunengröße', values: ['kleiner Landkreis', 'mittelgroßer Landkreis', 'großer Landkreis', 'größere kreisfreie Stadt'], maxGroupSize: 2 }
    expect(await command(running.url, cafe.facilitatorToken, 'tree:configure', { method: { ...method, phaseStations: { problem: 'station-1', objective: 'atlantis' } } })).toMatchObject({ ok: false, code: 'INVALID_MESSAGE' })
    expect(await command(running.url, cafe.facilitatorToken, 'tree:configure', { method: { ...method, phaseStations: { problem: 'station-1', objective: 'station-2' } } })).toEqual({ ok: true })
    const { body } = await api<{ event: { treeMethod: unknown } }>(running.url, `/api/events/${cafe.event.id}`, { token: cafe.facilitatorToken })
    expect(body.event.treeMethod).toEqual({ ...method, phaseStations: { problem: 'station-1', objective: 'station-2' } })
    // Before the morning's station starts, a participant's write to the problem tree is refused softly.
    const gina = await join(running.url, cafe.joinCode)
    await command(running.url, gina.token, 'tree:join', { value: 'großer Landkreis' })
    const phone = connectDoc(running.url, doc('grosser-landkreis-a'), gina.token)
    try {
      await phone.synced()
      phone.doc.getMap(TREE_NODES_ROOT).set('core0009', node('core0009', 'core', null, gina.participantId, 'zu früh'))
      await waitFor(() => phone.refusals.length > 0, 'the refusal of a write before the station')
      expect(phone.refusals[0]).toBe('STATION_CLOSED')
    } finally {
      phone.destroy()
    }
  })
})
