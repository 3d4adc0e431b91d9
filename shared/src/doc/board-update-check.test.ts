import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { aCard } from '../../../fixtures/src/builders.js'
import { boardDoc, putCard } from './board-doc.js'
import { UPDATE_LIMITS, UpdateProblem, checkBoardUpdate, checkStateVector } from './board-update-check.js'

/** Builds raw v1 update bytes by hand, the way an attacker would. */
const bytes = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}
/** An update whose one client claims `structs` structs but carries only a few bytes. */
const claiming = (structs: number) =>
  bytes((e) => {
    encoding.writeVarUint(e, 1) // clients
    encoding.writeVarUint(e, structs)
    encoding.writeVarUint(e, 7) // client id
    encoding.writeVarUint(e, 0) // clock
    encoding.writeUint8(e, 0) // a GC struct…
    encoding.writeVarUint(e, 1)
  })
/** One card item in the `cards` map whose value is `value` (written with lib0's writeAny). */
const itemWith = (write: (e: encoding.Encoder) => void, opts: { root?: string; key?: string; kind?: number } = {}) =>
  bytes((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, 9)
    encoding.writeVarUint(e, 0)
    encoding.writeUint8(e, (opts.kind ?? 8) | 32) // content kind, with a parentSub
    encoding.writeVarUint(e, 1) // parent is a named root
    encoding.writeVarString(e, opts.root ?? 'cards')
    encoding.writeVarString(e, opts.key ?? 'card-1')
    write(e)
    encoding.writeVarUint(e, 0) // empty delete set
  })
const anyValue = (value: unknown) => (e: encoding.Encoder) => {
  encoding.writeVarUint(e, 1)
  encoding.writeAny(e, value as never)
}

function realUpdate(build: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  build(doc)
  return Y.encodeStateAsUpdate(doc)
}

describe('the structural check of board updates', () => {
  it('accepts what a phone sends: new cards, an edit, a deletion, an empty sync reply', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    putCard(doc, aCard({ id: 'card-a-1', subPoints: [{ id: 'sub-1-abc', text: 'Unterpunkt' }] }))
    putCard(doc, aCard({ id: 'card-a-1', text: 'geändert' }))
    putCard(doc, aCard({ id: 'card-b-2' }))
    doc.transact(() => boardDoc(doc).cards.delete('card-b-2'))
    for (const u of [...updates, Y.encodeStateAsUpdate(doc), Y.encodeStateAsUpdate(new Y.Doc())]) expect(checkBoardUpdate(u)).toMatchObject({ ok: true })
    expect(checkStateVector(Y.encodeStateVector(doc))).toMatchObject({ ok: true })
  })

  it('accepts the full state of a busy board (1,500 cards by 100 writers, with edits and deletions)', { timeout: 30_000 }, () => {
    const update = realUpdate((doc) => {
      for (let w = 0; w < 100; w++) {
        const writer = new Y.Doc()
        Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc))
        for (let i = 0; i < 15; i++) {
          const id = `card-${w}-${i}-xyz`
          putCard(writer, aCard({ id, position: i }))
          if (i % 3 === 0) putCard(writer, aCard({ id, position: i, text: 'bearbeitet' }))
          if (i % 5 === 0) writer.transact(() => boardDoc(writer).cards.delete(id))
        }
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer))
        writer.destroy()
      }
    })
    expect(checkBoardUpdate(update)).toMatchObject({ ok: true })
  })

  it.each([
    ['a few bytes claiming a million structs', claiming(1_000_000), UpdateProblem.COUNT_TOO_LARGE],
    ['a few bytes claiming 2^40 structs', claiming(2 ** 40), UpdateProblem.COUNT_TOO_LARGE],
    ['a claimed million writers', bytes((e) => encoding.writeVarUint(e, 1_000_000)), UpdateProblem.COUNT_TOO_LARGE],
    ['a value claiming a million array entries', itemWith((e) => { encoding.writeVarUint(e, 1); encoding.writeUint8(e, 117); encoding.writeVarUint(e, 1_000_000) }), UpdateProblem.COUNT_TOO_LARGE],
    ['a string claiming 1 GB', itemWith((e) => { encoding.writeVarUint(e, 1); encoding.writeUint8(e, 119); encoding.writeVarUint(e, 2 ** 30) }), UpdateProblem.TRUNCATED],
    ['a deletion of 2^50 items', itemWith((e) => encoding.writeVarUint(e, 2 ** 50), { kind: 1 }), UpdateProblem.LENGTH_TOO_LARGE],
    ['text content (Y.Text)', itemWith((e) => encoding.writeVarString(e, 'hallo'), { kind: 4 }), UpdateProblem.FOREIGN_CONTENT],
    ['an embedded type', itemWith((e) => encoding.writeVarUint(e, 1), { kind: 7 }), UpdateProblem.FOREIGN_CONTENT],
    ['a sub-document', itemWith((e) => encoding.writeVarString(e, 'guid'), { kind: 9 }), UpdateProblem.FOREIGN_CONTENT],
    ['a binary value', itemWith(anyValue(new Uint8Array([1, 2, 3]))), UpdateProblem.FOREIGN_CONTENT],
    ['a write to another root', itemWith(anyValue({ text: 'x' }), { root: 'session' }), UpdateProblem.FOREIGN_PARENT],
    ['a __proto__ key inside a card', itemWith(anyValue(JSON.parse('{"id":"card-1","__proto__":{"role":"facilitator"}}'))), UpdateProblem.FORBIDDEN_KEY],
    ['values nested 50 deep', itemWith(anyValue(JSON.parse('['.repeat(50) + ']'.repeat(50)))), UpdateProblem.TOO_DEEP],
    ['an update cut in half', realUpdate((doc) => putCard(doc, aCard())).slice(0, 20), UpdateProblem.TRUNCATED],
    ['an update with bytes after its end', Uint8Array.from([...realUpdate((doc) => putCard(doc, aCard())), 0, 0]), UpdateProblem.TRAILING_BYTES],
    ['random bytes', Uint8Array.from([255, 255, 255, 255, 1, 2, 3, 0, 9]), UpdateProblem.COUNT_TOO_LARGE],
  ])('refuses %s', (_name, update, problem) => {
    expect(checkBoardUpdate(update)).toEqual({ ok: false, problem })
  })

  it('refuses many items claiming one neighbour (quadratic to integrate) but not a normal edit history', () => {
    const crowded = bytes((e) => {
      const n = UPDATE_LIMITS.sameOrigin + 1
      encoding.writeVarUint(e, n)
      for (let i = 0; i < n; i++) {
        encoding.writeVarUint(e, 1)
        encoding.writeVarUint(e, 100 + i)
        encoding.writeVarUint(e, 0)
        encoding.writeUint8(e, 8 | 128) // Any, with an origin
        encoding.writeVarUint(e, 5) // origin client
        encoding.writeVarUint(e, 0) // origin clock
        anyValue('x')(e)
      }
      encoding.writeVarUint(e, 0)
    })
    expect(checkBoardUpdate(crowded)).toEqual({ ok: false, problem: UpdateProblem.CROWDED_ORIGIN })
    const edited = realUpdate((doc) => {
      for (let i = 0; i < 300; i++) putCard(doc, aCard({ id: 'card-edited', text: `Fassung ${i}` }))
    })
    expect(checkBoardUpdate(edited)).toMatchObject({ ok: true })
  })

  it('refuses a writer named twice (Yjs would apply its last part only, the check judge both) and overlapping deletions, not what Yjs writes', () => {
    // Two parts of one writer's history, each as Yjs sends it: two new cards.
    const doc = new Y.Doc()
    const parts: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => parts.push(u))
    putCard(doc, aCard({ id: 'card-first' }))
    putCard(doc, aCard({ id: 'card-second' }))
    const structsOf = (u: Uint8Array) => u.slice(1, -1) // one client's part, without its count and the empty delete set
    expect(parts.map((u) => [u[0], u.at(-1)])).toEqual([[1, 0], [1, 0]])
    const twice = Uint8Array.from([2, ...structsOf(parts[0]!), ...structsOf(parts[1]!), 0])
    expect(checkBoardUpdate(twice)).toEqual({ ok: false, problem: UpdateProblem.CLIENT_TWICE })
    const deletions = (ranges: [number, number][], clients = 1) =>
      bytes((e) => {
        encoding.writeVarUint(e, 0) // no structs
        encoding.writeVarUint(e, clients)
        for (let c = 0; c < clients; c++) {
          encoding.writeVarUint(e, 7)
          encoding.writeVarUint(e, ranges.length)
          for (const [clock, len] of ranges) {
            encoding.writeVarUint(e, clock)
            encoding.writeVarUint(e, len)
          }
        }
      })
    expect(checkBoardUpdate(deletions(Array.from({ length: 1000 }, () => [0, 5000])))).toEqual({ ok: false, problem: UpdateProblem.OVERLAPPING_DELETIONS })
    expect(checkBoardUpdate(deletions([[10, 5], [0, 5]]))).toEqual({ ok: false, problem: UpdateProblem.OVERLAPPING_DELETIONS })
    expect(checkBoardUpdate(deletions([[0, 5]], 2))).toEqual({ ok: false, problem: UpdateProblem.CLIENT_TWICE })
    expect(checkBoardUpdate(deletions([[0, 5], [5, 2], [9, 1]]))).toMatchObject({ ok: true })
    // What Yjs writes passes: many deletions of one writer, merged, and two docs' histories merged.
    const other = new Y.Doc()
    for (let i = 0; i < 50; i++) putCard(other, aCard({ id: `card-${i}-abc`, position: i }))
    other.transact(() => {
      for (let i = 0; i < 50; i += 2) boardDoc(other).cards.delete(`card-${i}-abc`)
    })
    for (const u of [Y.encodeStateAsUpdate(other), Y.mergeUpdates([Y.encodeStateAsUpdate(doc), Y.encodeStateAsUpdate(other), ...parts])]) expect(checkBoardUpdate(u)).toMatchObject({ ok: true })
  })

  it('refuses a state vector claiming a million writers', () => {
    expect(checkStateVector(bytes((e) => encoding.writeVarUint(e, 1_000_000)))).toEqual({ ok: false, problem: UpdateProblem.COUNT_TOO_LARGE })
  })

  // How fast in absolute terms is the bench's business; here: a claim of four billion items costs
  // what a claim of two costs (both end early at the missing bytes: the check never trusts a count).
  it('checks a bomb claiming four billion items as fast as one claiming two', () => {
    const time = (update: Uint8Array) => {
      const start = performance.now()
      for (let i = 0; i < 2000; i++) checkBoardUpdate(update)
      return performance.now() - start
    }
    const small = claiming(2)
    const bomb = claiming(2 ** 32 - 1)
    // Medians of interleaved runs: a busy machine slows both alike. A check that trusted the count
    // would take seconds for the bomb, not a few times as long.
    const smalls: number[] = []
    const bombs: number[] = []
    for (let round = 0; round < 5; round++) {
      smalls.push(time(small))
      bombs.push(time(bomb))
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!
    expect(median(bombs)).toBeLessThan(10 * median(smalls) + 50)
  })
})
