import { execFileSync } from 'node:child_process'
import { appendFile, mkdtemp, rm, rmdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createEvent } from '../helpers/api.js'
import { connectBoard, connectPhone } from '../helpers/board-client.js'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { sleep } from '../helpers/wait.js'
import { report } from './fault-kit.js'

/** A real full disk: a 4 MiB tmpfs (needs root to mount; the case is skipped, and says so, without). */
async function smallDisk(): Promise<{ dir: string; release: () => Promise<void> } | null> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tischrunde-full-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    await rmdir(dir)
    return null
  }
  return {
    dir,
    release: async () => {
      execFileSync('umount', [dir], { stdio: 'ignore' })
      await rmdir(dir)
    },
  }
}

/** Fills the disk to the last byte; returns the filler file. */
async function fill(dir: string): Promise<string> {
  const filler = path.join(dir, 'filler.bin')
  await writeFile(filler, '')
  for (const size of [1 << 20, 64 << 10, 4 << 10, 256, 1]) {
    try {
      for (;;) await appendFile(filler, Buffer.alloc(size))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
    }
  }
  return filler
}

describe('fault suite: the disk runs full', () => {
  let disk: Awaited<ReturnType<typeof smallDisk>>
  let child: ChildServer
  beforeAll(async () => {
    disk = await smallDisk()
    if (!disk) report('disk full', 'SKIPPED: mounting a small tmpfs needs root on this machine')
  })
  afterAll(async () => {
    await killAllChildren()
    await disk?.release()
  })

  it('does not acknowledge a card while the disk is full, reports it, and stores it once space returns', async ({ skip }) => {
    if (!disk) return skip()
    const dataDir = path.join(disk.dir, 'data')
    child = await startChildServer(dataDir)
    const cafe = await createEvent(child.url, { title: 'Platte voll', tableNames: ['Arbeitsmarktintegration'] })
    const table = cafe.event.tables[0]!.id
    await advanceRounds(child.url, cafe.facilitatorToken)
    const phone = await connectPhone(child.url, cafe.event.id, table, cafe.joinCode)
    await phone.synced()
    phone.put(phone.card({ id: 'before-full-1', text: 'Vor dem Vollaufen' }))
    await phone.saved()

    const filler = await fill(disk.dir)
    // More than a memory page of cards in one go: the last half-filled page of the log cannot take it.
    const long = 'Während die Platte voll ist. '.repeat(9)
    phone.doc.transact(() => {
      for (let i = 0; i < 16; i++) phone.put(phone.card({ id: `while-full-${i}`, text: `${long}${i}`, position: 2 + i }))
    })
    await sleep(1500)
    const ackedWhileFull = phone.isSaved()
    const health = await api<{ ok: boolean; storageFailing: string[] }>(child.url, '/healthz')
    const logged = /storing failed/.test(child.stdout() + child.stderr()) && /ENOSPC/.test(child.stdout() + child.stderr())

    await rm(filler)
    const t0 = performance.now()
    await phone.saved(10_000)
    const resumedMs = performance.now() - t0
    const healthAfter = await api<{ ok: boolean }>(child.url, '/healthz')
    phone.destroy()

    // Power cut right after: what was acknowledged must come back.
    await child.stop('SIGKILL')
    child = await startChildServer(dataDir)
    const reader = connectBoard(child.url, cafe.event.id, table, cafe.projectorToken)
    await reader.synced()
    const texts = reader.cards().map((c) => (c.text.startsWith('Während') ? 'Während die Platte voll ist' : c.text))
    reader.destroy()
    report(
      'disk full (4 MiB tmpfs filled to the last byte)',
      `card not acknowledged while full: ${!ackedWhileFull}; /healthz ${health.status} ${JSON.stringify(health.body.storageFailing)}; ENOSPC logged: ${logged}; acknowledged ${resumedMs.toFixed(0)} ms after space returned; after kill -9: ${texts.length} of 17 cards there`,
    )
    expect(ackedWhileFull).toBe(false)
    expect(health).toMatchObject({ status: 503, body: { ok: false, storageFailing: [`board.${cafe.event.id}.${table}`] } })
    expect(logged).toBe(true)
    expect(healthAfter.status).toBe(200)
    expect(texts).toEqual(['Vor dem Vollaufen', ...Array.from({ length: 16 }, () => 'Während die Platte voll ist')])
  })
})
