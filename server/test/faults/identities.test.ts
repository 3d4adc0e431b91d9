import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { api, createEvent } from '../helpers/api.js'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { report } from './fault-kit.js'

/** Every join is a fresh identity with its own card allowance: joining in bulk is paced. */
describe('fault suite: fresh identities', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let child: ChildServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('faults-identities')
    child = await startChildServer(data.dir, { env: { TISCHRUNDE_JOINS_BURST: '40' } })
    cafe = await createEvent(child.url, { title: 'Viele Identitäten', tableNames: ['Sprache'] })
  })
  afterAll(async () => {
    await killAllChildren()
    await data?.remove()
  })

  it('lets one device become 20 participants and one address 40 at once, then paces them', async () => {
    const statuses = async (n: number, body: object) => {
      const out: number[] = []
      for (let i = 0; i < n; i++) out.push((await api(child.url, '/api/join', { body: { code: cafe.joinCode, ...body } })).status)
      return out
    }
    const started = performance.now()
    const oneDevice = await statuses(25, { device: 'geraet-0000000001' })
    // The rest of the address at once, as a crowd behind one NAT would come in.
    const address = await Promise.all(Array.from({ length: 40 }, async () => (await api(child.url, '/api/join', { body: { code: cafe.joinCode } })).status))
    const seconds = (performance.now() - started) / 1000
    const count = (list: number[], status: number) => list.filter((s) => s === status).length
    report('fresh identities in bulk', `one device: ${count(oneDevice, 200)} joined, then ${count(oneDevice, 429)}×429; the rest of the address: ${count(address, 200)} joined, then ${count(address, 429)}×429 (burst 40) in ${seconds.toFixed(1)} s`)
    expect(count(oneDevice, 200)).toBe(20)
    expect(count(oneDevice, 429)).toBe(5)
    // The address refills at five a second from the first join on (the device's joins count
    // against it too): on a slow machine a few more get in, never the whole crowd.
    expect(count(address, 200)).toBeGreaterThanOrEqual(20)
    expect(count(address, 200)).toBeLessThanOrEqual(Math.min(39, 20 + Math.ceil(seconds * 5) + 1))
    expect(count(address, 429)).toBe(40 - count(address, 200))
  })
})
