/** Reads a V8 `.cpuprofile` (from `node --cpu-prof`) into the functions with the most self time. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from './servers.js'
import { round } from './stats.js'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  /** µs from the previous sample (the first: from `startTime`). */
  timeDeltas?: number[]
}

export interface HotFunction {
  name: string
  where: string
  selfMs: number
  /** Share of all non-idle samples, %. */
  selfPercent: number
}

/**
 * The hot functions of a profile. `lastMs` keeps only the samples of the profile's last `lastMs`
 * ms (e.g. the load window before the server was stopped, without the phones' connects).
 */
export function hotFunctions(file: string, top = 20, lastMs?: number): { busyMs: number; idleMs: number; functions: HotFunction[]; ownInclusive: HotFunction[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length)
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const hits = new Map<number, number>()
  const from = lastMs === undefined ? Number.NEGATIVE_INFINITY : profile.endTime - lastMs * 1000
  let at = profile.startTime
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas?.[i] ?? msPerSample * 1000
    if (at >= from) hits.set(id, (hits.get(id) ?? 0) + 1)
  })
  const byFunction = new Map<string, HotFunction>()
  let idle = 0
  let busy = 0
  for (const [id, count] of hits) {
    const frame = byId.get(id)!.callFrame
    const ms = count * msPerSample
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') {
      idle += ms
      continue
    }
    busy += ms
    const where = frame.url ? `${shorten(frame.url)}:${frame.lineNumber + 1}` : ''
    const key = `${frame.functionName}@${where}`
    const entry = byFunction.get(key) ?? { name: frame.functionName || '(anonymous)', where, selfMs: 0, selfPercent: 0 }
    entry.selfMs += ms
    byFunction.set(key, entry)
  }
  const functions = [...byFunction.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top)
    .map((f) => ({ ...f, selfMs: round(f.selfMs), selfPercent: round((f.selfMs / Math.max(busy, 1)) * 100) }))
  return { busyMs: round(busy), idleMs: round(idle), functions, ownInclusive: ownInclusive(profile, hits, msPerSample, busy, top) }
}

/**
 * Inclusive time (self + callees) of Tischrunde's own functions (server/dist, shared/dist): which
 * of our steps the samples fall under. Recursion is counted once per stack.
 */
function ownInclusive(profile: CpuProfile, hits: Map<number, number>, msPerSample: number, busy: number, top: number): HotFunction[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const totals = new Map<string, HotFunction>()
  const walk = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id)!
    let ms = (hits.get(id) ?? 0) * msPerSample
    const frame = node.callFrame
    const own = /\/(server|shared)\/dist\//.test(frame.url)
    const key = own ? `${frame.functionName}@${shorten(frame.url)}:${frame.lineNumber + 1}` : ''
    const fresh = own && !onStack.has(key)
    if (fresh) onStack.add(key)
    for (const child of node.children ?? []) ms += walk(child, onStack)
    if (fresh) {
      onStack.delete(key)
      const entry = totals.get(key) ?? { name: frame.functionName || '(anonymous)', where: `${shorten(frame.url)}:${frame.lineNumber + 1}`, selfMs: 0, selfPercent: 0 }
      entry.selfMs += ms
      totals.set(key, entry)
    }
    return ms
  }
  walk(profile.nodes[0]!.id, new Set())
  return [...totals.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top)
    .map((f) => ({ ...f, selfMs: round(f.selfMs), selfPercent: round((f.selfMs / Math.max(busy, 1)) * 100) }))
}

/** Paths relative to the repository (node_modules kept: they say which library). */
function shorten(url: string): string {
  const file = url.replace(/^file:\/\//, '')
  return file.startsWith(REPO_ROOT) ? path.relative(REPO_ROOT, file) : file
}
