import { readdir, readlink } from 'node:fs/promises'
import path from 'node:path'
import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type CreateEventResponse, DOC_KINDS, type DocKind, type DocScope, WriteRefusal, docNameOf } from '@tischrunde/shared'
import { createEvent, join } from './helpers/api.js'
import { connectDoc } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

/**
 * A toy kind no server code knows: one private notepad per participant. Only its owner opens and
 * writes it; the facilitator reads it; nobody else may open it at all.
 */
const noteSchema = z.object({ id: z.string().min(1).max(20), text: z.string().max(100) }).strict()
const NOTES_MAX = 3
const notepadKind: DocKind = {
  name: 'notepad',
  scopeParts: ['participantId'],
  partPattern: { participantId: /^[A-Za-z0-9_-]{8,40}$/ },
  roots: { notes: { record: noteSchema, keyField: 'id' } },
  exists: () => true,
  audience(actor, scope) {
    if (actor.role === 'facilitator') return 'read'
    return actor.role === 'participant' && actor.participantId === scope.parts.participantId ? 'write' : 'none'
  },
  checkChanges(_changes, { doc }) {
    let count = 0
    doc.forEach('notes', () => count++)
    return count > NOTES_MAX ? WriteRefusal.TOO_MANY_CARDS : null
  },
}
const KINDS = [...DOC_KINDS, notepadKind]
const notepadOf = (eventId: string, participantId: string) =>
  docNameOf({ kind: 'notepad', eventId, parts: { participantId } } satisfies DocScope, notepadKind)

/** Opens a raw socket and records the HTTP answer and how many messages arrive. */
function tryUpgrade(url: string, docName: string, token: string): Promise<{ status: number | undefined; messages: number }> {
  return new Promise((resolve) => {
    const outcome = { status: undefined as number | undefined, messages: 0 }
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${docName}?token=${encodeURIComponent(token)}`)
    const done = () => setTimeout(() => (ws.terminate(), resolve(outcome)), 300)
    ws.on('unexpected-response', (req, res) => {
      outcome.status = res.statusCode
      res.resume()
      req.destroy()
      done()
    })
    ws.on('message', () => outcome.messages++)
    ws.on('open', done)
    ws.on('error', () => {})
  })
}

/** Files this process has open (Linux). */
async function openFiles(): Promise<string[]> {
  const fds = await readdir('/proc/self/fd')
  return (await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')))).filter(Boolean)
}

describe('a doc kind registered by a test, with a participant-private audience', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let anna: { token: string; participantId: string }
  let bernd: { token: string; participantId: string }

  beforeAll(async () => {
    data = await tempDataDir('doc-kinds')
    running = await startServer(data.dir, { docKinds: KINDS, roomIdleMs: 50 })
    cafe = await createEvent(running.url, { title: 'Notizblock', tableNames: ['Bildung'] })
    anna = await join(running.url, cafe.joinCode)
    bernd = await join(running.url, cafe.joinCode)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('lets a participant open and write their own doc, and tells them it is saved', async () => {
    const mine = connectDoc(running.url, notepadOf(cafe.event.id, anna.participantId), anna.token)
    try {
      await mine.synced()
      mine.doc.getMap('notes').set('n1', { id: 'n1', text: 'Rückfrage an das Jobcenter' })
      await mine.saved()
      expect(mine.closeCodes).toEqual([])
    } finally {
      mine.destroy()
    }
  })

  it("refuses another participant before the upgrade: HTTP 403 and not one byte of the doc", async () => {
    expect(await tryUpgrade(running.url, notepadOf(cafe.event.id, anna.participantId), bernd.token)).toEqual({ status: 403, messages: 0 })
  })

  it('lets the facilitator read it, but not write to it', async () => {
    const reader = connectDoc(running.url, notepadOf(cafe.event.id, anna.participantId), cafe.facilitatorToken)
    try {
      await reader.synced()
      await waitFor(() => reader.doc.getMap('notes').get('n1'), 'the note on the facilitator’s copy')
      expect(reader.doc.getMap('notes').get('n1')).toEqual({ id: 'n1', text: 'Rückfrage an das Jobcenter' })
      reader.doc.getMap('notes').set('f1', { id: 'f1', text: 'von der Moderation' })
      await waitFor(() => reader.closeCodes.length > 0, 'the server to close the writing reader')
      expect(reader.closeCodes[0]).toBe(4403)
    } finally {
      reader.destroy()
    }
  })

  it('gates writes by the kind’s schema and its rule over the whole doc', async () => {
    const mine = connectDoc(running.url, notepadOf(cafe.event.id, anna.participantId), anna.token)
    try {
      await mine.synced()
      const notes = mine.doc.getMap('notes')
      notes.set('n2', { id: 'n2', text: 'zwei' })
      notes.set('n3', { id: 'n3', text: 'drei' })
      await mine.saved()
      // A fourth note breaks the kind's rule (three at most): refused, the doc stays as it was.
      notes.set('n4', { id: 'n4', text: 'vier' })
      await waitFor(() => mine.refusals.length > 0, 'the refusal of the fourth note')
      expect(mine.refusals[0]).toBe(WriteRefusal.TOO_MANY_CARDS)
    } finally {
      mine.destroy()
    }
    const bad = connectDoc(running.url, notepadOf(cafe.event.id, anna.participantId), anna.token)
    try {
      await bad.synced()
      bad.doc.getMap('notes').set('x1', { id: 'x1', text: 'ok', extra: true })
      await waitFor(() => bad.closeCodes.length > 0, 'the server to close a writer of an invalid record')
      expect(bad.closeCodes[0]).toBe(4400)
    } finally {
      bad.destroy()
    }
  })

  it('stores the doc, unloads it when idle, and serves it again after a restart', async () => {
    const name = notepadOf(cafe.event.id, anna.participantId)
    await waitFor(async () => !(await running.server.rooms.loaded()).some((r) => r.name === name), 'the idle notepad to unload')
    // Its log's file handle is closed too (an idle doc holds nothing open).
    expect((await openFiles()).filter((f) => f.includes(`notepad.${cafe.event.id}.`))).toEqual([])
    const files = await readdir(path.join(data.dir, 'boards'))
    expect(files.some((f) => f.startsWith(`notepad.${cafe.event.id}.`))).toBe(true)

    await running.close()
    running = await startServer(data.dir, { docKinds: KINDS, roomIdleMs: 50 })
    const reader = connectDoc(running.url, name, cafe.facilitatorToken)
    try {
      await reader.synced()
      await waitFor(() => reader.doc.getMap('notes').size === 3, 'the three stored notes')
      expect([...reader.doc.getMap('notes').keys()].sort()).toEqual(['n1', 'n2', 'n3'])
    } finally {
      reader.destroy()
    }
  })

  it('deletes the doc with its event', async () => {
    const res = await fetch(`${running.url}/api/events/${cafe.event.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${cafe.facilitatorToken}` } })
    expect(res.status).toBe(204)
    const files = await readdir(path.join(data.dir, 'boards'))
    expect(files.filter((f) => f.includes(`.${cafe.event.id}.`))).toEqual([])
  })
})
