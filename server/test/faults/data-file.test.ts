import { readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as Y from 'yjs'
import { BoardCloseCode, boardDocName, putCard } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { connectPhone } from '../helpers/board-client.js'
import { advanceRounds } from '../helpers/rounds.js'
import { waitFor } from '../helpers/wait.js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { api, createEvent } from '../helpers/api.js'
import { SERVER_MAIN, killAllChildren, runToEnd, startChildServer } from '../helpers/child-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { report } from './fault-kit.js'

/** A damaged `events.json` and the words the refusal should use for it. */
interface Damage {
  name: string
  make: (valid: Buffer) => Buffer
  reason: RegExp
}

const damages: Damage[] = [
  { name: 'an empty', make: () => Buffer.alloc(0), reason: /leer/ },
  { name: 'a truncated', make: (valid) => valid.subarray(0, Math.floor(valid.length / 2)), reason: /kein gültiges JSON/ },
  { name: 'a NUL-filled', make: (valid) => Buffer.alloc(valid.length), reason: /Nullbytes/ },
  {
    name: 'a schema-invalid',
    make: (valid) => {
      const store = JSON.parse(valid.toString('utf8'))
      store.events[0].event.tables[0].id = 'Kein gültiger Schlüssel!'
      return Buffer.from(JSON.stringify(store, null, 1))
    },
    reason: /Schema/,
  },
]

describe('a damaged events.json stops the start instead of being overwritten', () => {
  let validStore: Buffer
  const dirs: Awaited<ReturnType<typeof tempDataDir>>[] = []
  const newDir = async () => {
    const d = await tempDataDir('datafile')
    dirs.push(d)
    return d.dir
  }

  beforeAll(async () => {
    // A real store file, written by the server itself: the demo and one more event.
    const dir = await newDir()
    const child = await startChildServer(dir, { demo: true })
    await createEvent(child.url, { title: 'Zweite Veranstaltung', tableNames: ['Sprache', 'Arbeit'] })
    expect(await child.stop('SIGTERM')).toEqual({ code: 0, signal: null })
    validStore = await readFile(path.join(dir, 'events.json'))
  })
  afterEach(killAllChildren)
  afterAll(async () => {
    await killAllChildren()
    for (const d of dirs.splice(0)) await d.remove()
  })

  it.each(damages)('refuses to start on $name events.json, names the file and its backup, and leaves it untouched', async ({ name, make, reason }) => {
    const dir = await newDir()
    const file = path.join(dir, 'events.json')
    const damaged = make(validStore)
    await writeFile(file, damaged)

    const run = await runToEnd(SERVER_MAIN, dir)

    expect({ code: run.code, signal: run.signal }).toEqual({ code: 1, signal: null })
    expect(run.stdout).not.toMatch(/Tischrunde läuft/)
    expect(run.stderr).toContain(file)
    expect(run.stderr).toMatch(reason)
    expect(run.stderr).toMatch(/--start-fresh/)
    const backup = /(\S+events\.json\.backup-\d+)/.exec(run.stderr)?.[1]
    expect(backup, `stderr names a backup:\n${run.stderr}`).toBeTruthy()
    expect(path.dirname(backup!)).toBe(dir)
    expect((await readFile(file)).equals(damaged)).toBe(true)
    expect((await readFile(backup!)).equals(damaged)).toBe(true)
    report(`startup on ${name} events.json`, `exit ${run.code}, file untouched, backup ${path.basename(backup!)}, says: ${run.stderr.trim().split('\n').at(-1)}`)
  })

  it.each(damages)('starts empty with --start-fresh on $name events.json and keeps the old file aside', async ({ make }) => {
    const dir = await newDir()
    const file = path.join(dir, 'events.json')
    const damaged = make(validStore)
    await writeFile(file, damaged)
    expect((await runToEnd(SERVER_MAIN, dir)).code).toBe(1)

    const child = await startChildServer(dir, { args: ['--start-fresh'] })
    const list = await api<unknown[]>(child.url, '/api/events', { token: child.adminKey })
    expect(list).toEqual({ status: 200, body: [] })
    const created = await createEvent(child.url, { title: 'Neu begonnen', tableNames: ['Tisch'] })
    expect(await child.stop('SIGTERM')).toEqual({ code: 0, signal: null })

    const files = await readdir(dir)
    const aside = files.filter((f) => f.startsWith('events.json.set-aside-'))
    expect(aside).toHaveLength(1)
    expect((await readFile(path.join(dir, aside[0]!))).equals(damaged)).toBe(true)
    // The new store is valid and is read again on the next plain start.
    const next = await startChildServer(dir)
    const again = await api<{ id: string }[]>(next.url, '/api/events', { token: next.adminKey })
    expect(again.body.map((e) => e.id)).toEqual([created.event.id])
    await next.stop('SIGTERM')
  })

  it('starts normally on the events.json the server wrote itself', async () => {
    const dir = await newDir()
    await writeFile(path.join(dir, 'events.json'), validStore)
    const child = await startChildServer(dir)
    const list = await api<{ id: string }[]>(child.url, '/api/events', { token: child.adminKey })
    expect(list.body.map((e) => e.id).sort()).toEqual(['winnenden', 'zweite-veranstaltung'])
    await child.stop('SIGTERM')
    expect((await readFile(path.join(dir, 'events.json'))).equals(validStore)).toBe(true)
  })
})

describe('a damaged board snapshot keeps its table closed instead of being overwritten', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  beforeAll(async () => {
    data = await tempDataDir('boardfile')
  })
  afterAll(async () => {
    await killAllChildren()
    await data?.remove()
  })

  const valid = () => {
    const doc = new Y.Doc()
    for (let i = 0; i < 20; i++) putCard(doc, aCard({ id: `snap-card-${i}`, text: `Karte ${i}` }))
    return Buffer.from(Y.encodeStateAsUpdate(doc))
  }
  const boardDamages: { name: string; make: () => Buffer; reason: RegExp }[] = [
    { name: 'an empty', make: () => Buffer.alloc(0), reason: /leer/ },
    { name: 'a truncated', make: () => valid().subarray(0, 200), reason: /abgeschnitten/ },
    { name: 'a NUL-filled', make: () => Buffer.alloc(valid().length), reason: /Nullbytes/ },
  ]

  it.each(boardDamages)('refuses to open a board on $name snapshot, keeps a copy, and serves the other tables', async ({ name, make, reason }) => {
    const dir = path.join(data.dir, name.replace(/\W+/g, '-'))
    let child = await startChildServer(dir)
    const cafe = await createEvent(child.url, { title: 'Beschädigt', tableNames: ['Kaputt', 'Heil'] })
    await advanceRounds(child.url, cafe.facilitatorToken)
    await child.stop('SIGTERM')
    const [broken, healthy] = cafe.event.tables.map((t) => t.id) as [string, string]
    const snap = path.join(dir, 'boards', `${boardDocName(cafe.event.id, broken)}.ysnap`)
    const damaged = make()
    await writeFile(snap, damaged)

    child = await startChildServer(dir)
    const phone = await connectPhone(child.url, cafe.event.id, broken, cafe.joinCode)
    await waitFor(() => phone.closeCodes.includes(BoardCloseCode.STORAGE_FAILED), 'the board to be refused')
    phone.destroy()
    const other = await connectPhone(child.url, cafe.event.id, healthy, cafe.joinCode)
    await other.synced()
    other.put(other.card({ id: 'healthy-card-1', text: 'Geht' }))
    await other.saved()
    other.destroy()
    const log = child.stdout() + child.stderr()
    report(`board snapshot: ${name} .ysnap`, `board closed 4507, file untouched, copy .ysnap.damaged kept, other table saves; log: ${/nicht lesbar \((.*?)\)\. Sie/.exec(log)?.[1] ?? '?'}`)
    expect(log).toMatch(reason)
    expect((await readFile(snap)).equals(damaged)).toBe(true)
    expect((await readFile(`${snap}.damaged`)).equals(damaged)).toBe(true)
    await child.stop('SIGTERM')
  })
})
