import { afterEach, describe, expect, it } from 'vitest'
import { SEED_CLI, killAllChildren, runToEnd } from './helpers/child-server.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'

describe('the Köln seed (a day of plenary items and two work phases of five workshops)', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
    await killAllChildren()
  })

  it('is loaded next to Winnenden with its programme, and a second run leaves sign-ups alone', async () => {
    const data = await tempDataDir('koeln-seed')
    cleanups.push(data.remove)
    const run = await runToEnd(SEED_CLI, data.dir, { args: [] })
    expect(run, run.stderr).toMatchObject({ code: 0, signal: null })
    expect(run.stdout).toContain('(winnenden) angelegt')
    expect(run.stdout).toContain('(koeln-2018) angelegt')
    expect(run.stdout).toContain('Programm: 6 Punkte, 10 Workshops')

    let running: RunningServer = await startServer(data.dir)
    const view = await running.server.programme.view('koeln-2018', null)
    expect(view.programme?.items.map((i) => [i.title, i.start, i.workshops.length])).toEqual([
      ['Ankommen', '09:00', 0],
      ['Begrüßung', '09:30', 0],
      ['Keynote „Integration durch Kooperation: Herausforderungen und Handlungsmöglichkeiten“', '10:10', 0],
      ['Arbeitsphase I', '11:30', 5],
      ['Arbeitsphase II', '14:00', 5],
      ['Abschlussrunde', '16:00', 0],
    ])
    const phaseOne = view.programme!.items[3]!
    const choice = await running.server.programme.choose('koeln-2018', 'teilnehmerin-1', phaseOne.id, 'workshop-5', undefined)
    expect(choice).toMatchObject({ ok: true, value: { booked: true } })
    await running.close()

    const again = await runToEnd(SEED_CLI, data.dir, { args: [] })
    expect(again.stdout).toContain('(koeln-2018) war schon da')
    running = await startServer(data.dir)
    cleanups.push(running.close)
    expect((await running.server.programme.state('koeln-2018')).counts).toEqual({ 'workshop-5': 1 })
  })
})
