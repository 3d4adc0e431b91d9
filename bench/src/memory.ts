/**
 * RSS per 1,000 stored cards: an event with many cards is imported, the server restarted, and the
 * RSS compared after opening all boards of an event without cards and then of the event with them
 * (a board in memory is its doc and the counts the write gate keeps). Both readings follow a full
 * garbage collection (the server runs with `--expose-gc` and collects on SIGUSR2): without it the
 * difference is mostly the heap's headroom for the garbage the loading left, which depends on how
 * large the heap was before, not on what the cards keep.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE_SAVED, boardDocName } from '@tischrunde/shared'
import { REPO_ROOT, freshDataDir, removeDir, startTischrunde, type TischrundeServer } from './servers.js'
import { processRssMb, round } from './stats.js'
import { importEvent, tokenOfLink } from './tischrunde-api.js'

interface EventFile {
  format: string
  version: number
  event: { id: string; title: string; tables: { id: string }[] }
  boards: { tableId: string; stations: { stationId: string; columns: { columnId: string; cards: { text: string; subPoints: string[] }[] }[] }[] }[]
}

export interface MemoryResult {
  cards: number
  rssEmptyBoardsMb: number
  rssFullBoardsMb: number
  rssPerThousandCardsMb: number
  /** What the cards keep: V8's heap in use plus memory outside it (buffers), after a full collection. */
  heapEmptyBoardsMb: number
  heapFullBoardsMb: number
  heapPerThousandCardsMb: number
}

/** The Winnenden event file with `perTable` generated cards on every table (Station 1, one column). */
function eventFile(id: string, perTable: number): EventFile {
  const file = JSON.parse(readFileSync(path.join(REPO_ROOT, 'fixtures/src/winnenden/winnenden.event.json'), 'utf8')) as EventFile
  return {
    ...file,
    event: { ...file.event, id, title: `Speicher ${perTable}` },
    boards: file.event.tables.map((t) => ({
      tableId: t.id,
      stations: [
        {
          stationId: 'station-1',
          columns: [{ columnId: 'laeuft-gut', cards: Array.from({ length: perTable }, (_, i) => ({ text: `Karte ${i}: Unterstützung durch Ehrenamt im Sprachcafé`, subPoints: [] })) }],
        },
      ],
    })),
  }
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Node options for the measured server: on SIGUSR2 a full garbage collection, then a line with its heap in use (see `collected`). */
const COLLECT_ON_SIGNAL = [
  '--expose-gc',
  `--import=data:text/javascript,process.on('SIGUSR2',()=>{globalThis.gc();globalThis.gc();const m=process.memoryUsage();console.log('COLLECTED-HEAP '+(m.heapUsed+m.external))})`,
]

/** The server's RSS and heap in use (MB) after a full garbage collection, once V8 has had time to give freed pages back. */
async function collected(server: TischrundeServer): Promise<{ rssMb: number; heapMb: number }> {
  const before = server.output().length
  process.kill(server.pid, 'SIGUSR2')
  const reported = () => /COLLECTED-HEAP (\d+)/.exec(server.output().slice(before))?.[1]
  // A busy host may take a while to collect: wait for the line (at most 10 s), then for the pages.
  for (let waited = 0; !reported() && waited < 10_000; waited += 100) await settle(100)
  const bytes = reported()
  if (!bytes) throw new Error('the server did not report its heap within 10 s of being asked to collect')
  await settle(1000)
  return { rssMb: processRssMb(server.pid), heapMb: round(Number(bytes) / 1024 / 1024) }
}

async function openBoards(server: TischrundeServer, eventId: string, tables: string[], token: string): Promise<() => void> {
  const clients = tables.map((t) => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/yjs`, boardDocName(eventId, t), doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    provider.messageHandlers[MESSAGE_SAVED] = () => {} // "saved" acks: not needed here
    return { doc, provider }
  })
  await Promise.all(clients.map((c) => new Promise((resolve) => c.provider.once('sync', resolve))))
  return () => {
    for (const c of clients) {
      c.provider.destroy()
      c.doc.destroy()
    }
  }
}

export async function runMemory(opts: { cardsPerTable: number }): Promise<MemoryResult> {
  const dataDir = freshDataDir('memory')
  try {
    let server = await startTischrunde({ dataDir, demo: false })
    const empty = await importEvent(server.url, server.adminKey, eventFile('speicher-leer', 0))
    const full = await importEvent(server.url, server.adminKey, eventFile('speicher-voll', opts.cardsPerTable))
    await server.stop()
    server = await startTischrunde({ dataDir, demo: false, nodeArgs: COLLECT_ON_SIGNAL })
    const tables = eventFile('x', 0).event.tables.map((t) => t.id)
    const closeEmpty = await openBoards(server, empty.id, tables, tokenOfLink(empty.links.projector))
    await settle(1500)
    const atEmpty = await collected(server)
    const closeFull = await openBoards(server, full.id, tables, tokenOfLink(full.links.projector))
    await settle(1500)
    const atFull = await collected(server)
    closeEmpty()
    closeFull()
    await server.stop()
    const cards = tables.length * opts.cardsPerTable
    const perThousand = (from: number, to: number) => round((to - from) / (cards / 1000), 2)
    return {
      cards,
      rssEmptyBoardsMb: atEmpty.rssMb,
      rssFullBoardsMb: atFull.rssMb,
      rssPerThousandCardsMb: perThousand(atEmpty.rssMb, atFull.rssMb),
      heapEmptyBoardsMb: atEmpty.heapMb,
      heapFullBoardsMb: atFull.heapMb,
      heapPerThousandCardsMb: perThousand(atEmpty.heapMb, atFull.heapMb),
    }
  } finally {
    removeDir(dataDir)
  }
}
