import { spawn } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { appendFile, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createEvent } from '../helpers/api.js'
import { connectPhone } from '../helpers/board-client.js'
import { REPO_ROOT, SERVER_MAIN } from '../helpers/child-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { sleep, waitFor } from '../helpers/wait.js'
import { report } from './fault-kit.js'
import { fill, smallDisk } from './small-disk.js'

describe('fault suite: the disk holding the log runs full', () => {
  let disk: Awaited<ReturnType<typeof smallDisk>>
  let stopChild = () => {}
  beforeAll(async () => {
    disk = await smallDisk()
    if (!disk) report('disk full under the log', 'SKIPPED: mounting a small tmpfs needs root on this machine')
  })
  afterAll(async () => {
    stopChild()
    await disk?.release()
  })

  it('keeps serving while its log file cannot grow, and notes the lost lines once it can', async ({ skip }) => {
    if (!disk) return skip()
    // `npm start > tischrunde.log` with the log beside the data on one disk.
    const logFile = path.join(disk.dir, 'tischrunde.log')
    const out = openSync(logFile, 'a')
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', TISCHRUNDE_DATA_DIR: path.join(disk.dir, 'data'), LOG_LEVEL: 'info', TISCHRUNDE_NO_DEMO: '1' }
    delete env.NODE_OPTIONS
    delete env.TISCHRUNDE_PUBLIC_URL
    const child = spawn(process.execPath, [SERVER_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', out, 'pipe'] })
    closeSync(out)
    let exit: number | string | null = null
    child.once('exit', (code, signal) => (exit = code ?? signal))
    stopChild = () => {
      if (exit === null) child.kill('SIGKILL')
    }
    const log = () => readFile(logFile, 'utf8')
    const url = (await waitFor(async () => /Tischrunde läuft: (http\S+)/.exec(await log())?.[1], 'the server to start', 15_000)).replace(/\/$/, '')
    const adminKey = await waitFor(async () => /Verwaltung:\s+\S+#k=(\S+)/.exec(await log())?.[1], 'the admin link', 15_000)
    const cafe = await createEvent(url, { title: 'Protokoll voll', tableNames: ['Sprache'] }, { token: adminKey })
    await advanceRounds(url, cafe.facilitatorToken)
    const phone = await connectPhone(url, cafe.event.id, cafe.event.tables[0]!.id, cafe.joinCode)
    await phone.synced()

    // The log file ends at a page boundary: its next line needs space the disk does not have.
    await appendFile(logFile, `${' '.repeat(4095 - ((await stat(logFile)).size % 4096))}\n`)
    const filler = await fill(disk.dir)
    // The board cannot store the card and logs it, again and again, into the full log file.
    // More than a memory page of cards: the last half-filled page of the board log cannot take them.
    const long = 'Sprachkurse am Abend, mit Kinderbetreuung. '.repeat(6)
    phone.doc.transact(() => {
      for (let i = 0; i < 16; i++) phone.put(phone.card({ id: `im-vollen-protokoll-${i}`, text: `${long}${i}`, position: i }))
    })
    await sleep(2000)
    const t0 = performance.now()
    const health = await api(url, '/healthz').then((r) => r.status, (e: Error) => e.message)
    const answeredMs = performance.now() - t0
    const aliveWhileFull = exit === null

    await rm(filler)
    const saved = await phone.saved(10_000).then(() => true, () => false)
    const noted = await waitFor(async () => /log lines dropped while the disk was full/.test(await log()), 'the note on lost log lines', 5000).catch(() => false)
    const resumed = /storing works again/.test(await log())
    phone.destroy()
    stopChild()
    report(
      'disk full under the log (log file on the 4 MiB tmpfs)',
      `alive while full: ${aliveWhileFull}${exit === null ? '' : ` (exited ${exit})`}; /healthz answered ${health} in ${answeredMs.toFixed(0)} ms; space back: card acknowledged ${saved}, lost lines noted ${noted}, logging again ${resumed}`,
    )
    expect(aliveWhileFull).toBe(true)
    expect(health).toBe(503)
    expect(saved).toBe(true)
    expect(noted).toBe(true)
    expect(resumed).toBe(true)
  })
})
