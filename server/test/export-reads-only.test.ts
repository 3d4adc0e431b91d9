import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CreateEventResponse, StoredEvent } from '@tischrunde/shared'
import { SEED_CLI, killAllChildren, runToEnd } from './helpers/child-server.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { api } from './helpers/api.js'
import { tempDataDir } from './helpers/temp-dir.js'

/*
 * An export only reads. Boards, workshop boards, trees and the actor map that nobody ever wrote to
 * have no file in the data folder, and downloading the documentation must not give them one (an
 * empty doc file for every workshop of the day, every group's tree, every table of a café).
 */

/** Every file under the data folder with its size, relative to it. */
async function filesOf(dir: string): Promise<Map<string, number>> {
  const files = new Map<string, number>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, full), (await stat(full)).size)
  }
  return files
}

/**
 * The downloads of an event that read its docs: the documentation (Markdown and the event file; the
 * other formats render the same file), a table's sheet, the actors, the programme and the held cards.
 */
function downloadsOf(stored: StoredEvent): string[] {
  const id = stored.event.id
  return [
    `/api/events/${id}/export?format=md`,
    `/api/events/${id}/export?format=json`,
    ...stored.event.tables.slice(0, 1).map((t) => `/api/events/${id}/export?format=csv&table=${t.id}`),
    `/api/events/${id}/export.json`,
    ...['docx', 'csv', 'xlsx'].map((format) => `/api/events/${id}/actors.${format}`),
    ...['programme.pdf', 'programme.docx', 'programme-counts.csv', 'programme-lists.csv'].map((file) => `/api/events/${id}/${file}`),
    `/api/events/${id}/moderation/held.csv`,
  ]
}

describe('exports', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
    await killAllChildren()
  })

  it('create no file in the data folder: the Winnenden demo, the Köln programme, the Bremen trees, a fresh café and a fresh tree day', async () => {
    const data = await tempDataDir('export-reads-only')
    cleanups.push(data.remove)
    const seeded = await runToEnd(SEED_CLI, data.dir, { args: [], timeoutMs: 60_000 })
    expect(seeded.stdout, seeded.stderr).toContain('(koeln-2018) angelegt')
    const running: RunningServer = await startServer(data.dir)
    cleanups.push(running.close)
    // Two events nobody wrote to yet: a café with tables, a day of problem trees in groups.
    const fresh: string[] = []
    for (const body of [
      { title: 'Neues Café', date: '2026-11-23', place: 'Rathaus', tableNames: ['Bildung', 'Arbeit'] },
      { title: 'Reflexionsgruppen', date: '2026-11-24', place: 'Rathaus', tableNames: [], treeMethod: { maxGroupSize: 4 } },
    ]) {
      const created = await api<CreateEventResponse>(running.url, '/api/events', { body, token: running.server.credentials.adminKey })
      expect(created.status).toBe(201)
      fresh.push(created.body.event.id)
    }
    await running.server.rooms.settle()
    const before = await filesOf(data.dir)

    for (const id of ['winnenden', 'koeln-2018', 'bremen-2018', ...fresh]) {
      const stored = (await running.server.events.get(id))!
      const token = running.server.events.issue(stored, 'facilitator')
      for (const download of downloadsOf(stored)) {
        const res = await fetch(`${running.url}${download}`, { headers: { authorization: `Bearer ${token}` } })
        await res.arrayBuffer()
        // Every download answers (a day without actors or sign-ups gives an empty list, not an error).
        expect([200, 404], download).toContain(res.status)
      }
    }
    // Everything read is given up again and nothing waits for the disk.
    await running.server.rooms.settle()
    const after = await filesOf(data.dir)
    expect([...after.keys()].filter((f) => !before.has(f)).sort()).toEqual([])
    // The files that were there are untouched (no stamp written into a stored board).
    for (const [file, size] of before) if (file.includes('boards')) expect(after.get(file), file).toBe(size)
  }, 120_000)
})
