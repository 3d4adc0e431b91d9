import { describe, expect, it } from 'vitest'
import type { ForgetOutcome } from './forget-contributions.js'
import { ForgetPasses, ForgetQueueFull } from './forget-passes.js'

const outcomeOf = (ids: readonly string[], removed = (id: string) => (id.startsWith('writer') ? 2 : 0)): ForgetOutcome =>
  new Map(ids.map((id) => [id, { removed: removed(id), forgotten: [] }]))

/** Passes recorded with the participants each took and when it started. */
function recorder(gapMs = 50, people = 3, waitingMax = 10) {
  const passes: { ids: readonly string[]; at: number }[] = []
  const after: string[][] = []
  const forgetting = new ForgetPasses(
    async (_eventId, ids) => {
      passes.push({ ids, at: Date.now() })
      await new Promise((resolve) => setTimeout(resolve, 10))
      return outcomeOf(ids)
    },
    async (_eventId, outcome) => void after.push([...outcome.keys()]),
    { gapMs, people, waitingMax },
  )
  return { passes, after, forgetting }
}

describe('"Meine Beiträge löschen" in shared passes', () => {
  it('runs a lone request at once and answers each person with their own count', async () => {
    const { passes, forgetting } = recorder()
    const started = Date.now()
    expect(await forgetting.forget('e1', 'writer-1')).toBe(2)
    expect(Date.now() - started).toBeLessThan(40)
    expect(passes.map((p) => p.ids)).toEqual([['writer-1']])
  })

  it('takes everyone who asked meanwhile into the next pass, at most `people` a pass, passes a gap apart', async () => {
    const { passes, after, forgetting } = recorder()
    const answers = Promise.all(['writer-1', 'a', 'b', 'c', 'd', 'writer-2', 'a'].map((id) => forgetting.forget('e1', id)))
    expect(await answers).toEqual([2, 0, 0, 0, 0, 2, 0])
    expect(passes.map((p) => p.ids)).toEqual([['writer-1', 'a', 'b'], ['c', 'd', 'writer-2']])
    expect(passes[1]!.at - passes[0]!.at).toBeGreaterThanOrEqual(50)
    expect(after).toEqual(passes.map((p) => [...p.ids]))
  })

  it('keeps events apart, says "full" beyond the waiting bound, and hands a failed pass to everyone in it', async () => {
    const { passes, forgetting } = recorder(50, 3, 4)
    const first = forgetting.forget('e1', 'x0') // runs at once
    await new Promise((resolve) => setTimeout(resolve, 1))
    const waiting = ['x1', 'x2', 'x3', 'x4'].map((id) => forgetting.forget('e1', id))
    await expect(forgetting.forget('e1', 'x5')).rejects.toBeInstanceOf(ForgetQueueFull)
    expect(await forgetting.forget('e2', 'y1')).toBe(0)
    await Promise.all([first, ...waiting])
    expect(passes.filter((p) => p.ids.includes('y1'))).toHaveLength(1)

    const failing = new ForgetPasses(async () => Promise.reject(new Error('disk full')), async () => {}, { gapMs: 10, people: 5, waitingMax: 5 })
    const both = [failing.forget('e1', 'a'), failing.forget('e1', 'b')]
    for (const p of both) await expect(p).rejects.toThrow('disk full')
  })
})
