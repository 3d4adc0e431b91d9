import { spawnSync } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { INTERRUPT_BUDGET, tuneV8 } from './v8-tiering.js'

describe('V8 tuning of the server', () => {
  const tuned = (execArgv: string[], nodeOptions = '', v8Version = '11.3.244.8-node.33') => {
    const set: string[] = []
    tuneV8({ execArgv, nodeOptions, v8Version, setFlags: (flags) => void set.push(flags) })
    return set
  }

  it('lowers the interrupt budget, so a card path run a few times a second gets optimised', () => {
    expect(tuned([])).toEqual([`--interrupt-budget=${INTERRUPT_BUDGET}`])
    expect(INTERRUPT_BUDGET).toBeLessThan(67_584)
  })

  it("keeps the operator's own budget, given to node or in NODE_OPTIONS", () => {
    expect(tuned(['--interrupt-budget=30000'])).toEqual([])
    expect(tuned([], '--max-old-space-size=512 --interrupt-budget=30000')).toEqual([])
  })

  it('leaves V8 12 and later alone (Node 22 and 24), which know no such flag and would print an error', () => {
    expect(tuned([], '', '12.4.254.21-node.57')).toEqual([])
    expect(tuned([], '', '13.6.233.17-node.53')).toEqual([])
  })

  it('sets its flag on the node that runs the tests without an error on stderr (the built module)', () => {
    const built = fileURLToPath(new URL('../../dist/runtime/v8-tiering.js', import.meta.url))
    const script = `import(${JSON.stringify(pathToFileURL(built).href)}).then((m) => m.tuneV8())`
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })
})
