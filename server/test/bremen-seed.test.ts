import { afterEach, describe, expect, it } from 'vitest'
import { readTree } from '@tischrunde/shared'
import { connectDoc } from './helpers/board-client.js'
import { SEED_CLI, killAllChildren, runToEnd } from './helpers/child-server.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'

describe('the Bremen seed (problem and solution trees by Kommunengröße)', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
    await killAllChildren()
  })

  it('is loaded next to Winnenden, with its groups and empty trees the projector may open', async () => {
    const data = await tempDataDir('bremen-seed')
    cleanups.push(data.remove)
    const run = await runToEnd(SEED_CLI, data.dir, { args: [] })
    expect(run, run.stderr).toMatchObject({ code: 0, signal: null })
    expect(run.stdout).toContain('(winnenden) angelegt')
    expect(run.stdout).toContain('(bremen-2018) angelegt')

    const running: RunningServer = await startServer(data.dir)
    cleanups.push(running.close)
    await running.server.events.list()
    const stored = running.server.events.current('bremen-2018')!
    expect(stored.event).toMatchObject({ title: 'Externe Kooperation mit Akteuren der Zivilgesellschaft', date: '2018-06-26', tables: [] })
    expect(stored.event.place).toContain('KWADRAT')
    expect(stored.event.agenda.map((a) => a.title)).toContain('Reflexionsphase 1: Problembaum')
    expect(stored.event.treeMethod).toEqual({
      attribute: 'Kommunengröße',
      values: ['kleiner Landkreis', 'mittelgroßer Landkreis', 'großer Landkreis', 'größere kreisfreie Stadt'],
      maxGroupSize: null,
      // Morning and afternoon run as the day's two stations.
      phaseStations: { problem: 'problembaum', objective: 'loesungsbaum' },
    })
    expect(stored.event.template.stations.map((s) => s.title)).toEqual(['Reflexionsphase 1: Problembaum', 'Reflexionsphase 2: Lösungsbaum'])
    const projector = connectDoc(running.url, 'tree.bremen-2018.kleiner-landkreis.problem', running.server.events.issue(stored, 'projector'))
    try {
      await projector.synced()
      expect(projector.closeCodes).toEqual([])
      expect(readTree(projector.doc)).toMatchObject({ core: null, loose: [] })
    } finally {
      projector.destroy()
    }
  })
})
