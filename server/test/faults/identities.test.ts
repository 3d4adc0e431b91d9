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
    const oneDevice = await statuses(25, { device: 'geraet-0000000001' })
    const address = await statuses(25, {})
    const count = (list: number[], status: number) => list.filter((s) => s === status).length
    report('fresh identities in bulk', `one device: ${count(oneDevice, 200)} joined, then ${count(oneDevice, 429)}×429; the rest of the address: ${count(address, 200)} joined, then ${count(address, 429)}×429 (burst 40)`)
    expect(count(oneDevice, 200)).toBe(20)
    expect(count(oneDevice, 429)).toBe(5)
    // The address refills at five a second while the requests go out: a join or two more may get in.
    expect(count(address, 200)).toBeGreaterThanOrEqual(20)
    expect(count(address, 200)).toBeLessThanOrEqual(22)
    expect(count(address, 429)).toBe(25 - count(address, 200))
  })
})
