import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { createEvent } from '../helpers/api.js'
import { connectBoard, connectPhone } from '../helpers/board-client.js'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { type RedisProcess, startRedis } from '../helpers/redis-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { sleep } from '../helpers/wait.js'
import { report } from './fault-kit.js'

/**
 * The same loop against each store: the embedded default (data folder) and Redis. Each cycle kills at
 * another point of its 60–200 ms write window (37 ms steps, modulo 140), so 25 cycles cover it in
 * steps of at most 8 ms (Redis's 15 in steps of at most 13 ms); a restart costs 1–2 s per cycle.
 */
const STORES = [
  { store: 'the data folder', cycles: 25, redis: false },
  { store: 'Redis', cycles: 15, redis: true },
]

describe.each(STORES)('fault suite: kill -9 during continuous writes, stored in $store', ({ store, cycles: CYCLES, redis: withRedis }) => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let redis: RedisProcess | undefined
  let child: ChildServer
  let cafe: CreateEventResponse
  // The per-participant pace is not what this case is about.
  const env: Record<string, string> = { TISCHRUNDE_CARDS_BURST: '1000' }

  beforeAll(async () => {
    data = await tempDataDir('faults-crash')
    if (withRedis) {
      redis = await startRedis()
      env.TISCHRUNDE_REDIS_URL = redis.url
    }
    child = await startChildServer(data.dir, { env })
    cafe = await createEvent(child.url, { title: 'Stromausfall', tableNames: ['Arbeitsmarktintegration', 'Digitalisierung'] })
    await advanceRounds(child.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    await killAllChildren()
    await redis?.stop()
    await data?.remove()
  })

  it(`keeps every acknowledged card exactly once over ${CYCLES} kill -9 crashes during continuous writes`, async () => {
    const tables = cafe.event.tables.map((t) => t.id)
    /** Card id → table, for cards the server said "saved" to before it was killed. */
    const acked = new Map<string, string>()
    /** Every card id written, acknowledged or not (the ones not acknowledged may or may not be there). */
    const written = new Set<string>()
    let restartMs = 0
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const table = tables[cycle % tables.length]!
      const phone = await connectPhone(child.url, cafe.event.id, table, cafe.joinCode)
      await phone.synced()
      const clocks: { id: string; clock: number }[] = []
      const killAt = performance.now() + 60 + ((cycle * 37) % 140)
      let n = 0
      // Continuous writes: a card every few ms until the power goes.
      while (performance.now() < killAt) {
        const id = `crash-${cycle}-${n}`.padEnd(10, 'x')
        phone.put(phone.card({ id, text: `Zyklus ${cycle} Karte ${n}`, position: n }))
        written.add(id)
        clocks.push({ id, clock: Y.decodeStateVector(Y.encodeStateVector(phone.doc)).get(phone.doc.clientID) ?? 0 })
        n++
        await sleep(3)
      }
      await child.stop('SIGKILL')
      const saved = phone.savedVector().get(phone.doc.clientID) ?? 0
      for (const c of clocks) if (c.clock <= saved) acked.set(c.id, table)
      phone.destroy()
      const t0 = performance.now()
      child = await startChildServer(data.dir, { env })
      restartMs += performance.now() - t0
    }

    const onServer = new Map<string, string[]>()
    for (const table of tables) {
      const reader = connectBoard(child.url, cafe.event.id, table, cafe.projectorToken)
      await reader.synced()
      onServer.set(table, reader.cards().map((c) => c.id))
      reader.destroy()
    }
    const all = [...onServer.values()].flat()
    const missing = [...acked].filter(([id, table]) => !onServer.get(table)!.includes(id)).map(([id]) => id)
    const duplicated = all.filter((id, i) => all.indexOf(id) !== i)
    const foreign = all.filter((id) => !written.has(id))
    report(
      `${CYCLES} cycles of kill -9 and restart during continuous writes (stored in ${store})`,
      `${written.size} cards written, ${acked.size} acknowledged before the kill, ${all.length} on the boards afterwards; missing acknowledged ${missing.length}, duplicated ${duplicated.length}, foreign ${foreign.length}; mean restart ${(restartMs / CYCLES).toFixed(0)} ms`,
    )
    expect(acked.size).toBeGreaterThan(CYCLES * 5)
    expect({ missing, duplicated, foreign }).toEqual({ missing: [], duplicated: [], foreign: [] })
  })
})
