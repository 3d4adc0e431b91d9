/**
 * RSS per 1,000 stored cards: an event with many cards is imported, the server restarted, and the
 * RSS compared after opening all boards of an event without cards and then of the event with them
 * (a board in memory is its doc and the counts the write gate keeps). Every reading follows a full
 * garbage collection (the server runs with `--expose-gc` and collects on SIGUSR2): without it the
 * difference is mostly the heap's headroom for the garbage the loading left, which depends on how
 * large the heap was before, not on what the cards keep.
 *
 * Each state is read twice: right after the boards opened (1.5 s), and at rest (15 s later). Right
 * after a load V8 keeps its young generation as large as the load made it (up to 32 MB, empty after
 * the collection, but in the RSS), and the server keeps the boards' sync answers for the next
 * phones joining; at rest V8 has given the young generation back (its allocation rate is low) and
 * the answers have gone (ANSWERS_IDLE_MS). The figure per 1,000 cards is given for both.
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

/** One reading of both states: RSS, and what the cards keep (V8's heap in use plus memory outside it, buffers), after a full collection. */
export interface MemoryReading {
  rssEmptyBoardsMb: number
  rssFullBoardsMb: number
  rssPerThousandCardsMb: number
  heapEmptyBoardsMb: number
  heapFullBoardsMb: number
  heapPerThousandCardsMb: number
}

/** The readings at rest (the figure per 1,000 cards), and `rightAfter` the boards opened. */
export interface MemoryResult extends MemoryReading {
  cards: number
  /** Seconds at rest before the main reading. */
  restS: number
  rightAfter: MemoryReading
}

/** How long the boards stay open before the first reading, and the server rests before the second (ms). */
const RIGHT_AFTER_MS = 1500
const AT_REST_MS = 15_000

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
interface Collected {
  rssMb: number
  heapMb: number
}

async function collected(server: TischrundeServer): Promise<Collected> {
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
    /** Opens the boards of an event and reads the server right after and at rest. */
    const readOpened = async (eventId: string, token: string) => {
      const close = await openBoards(server, eventId, tables, token)
      await settle(RIGHT_AFTER_MS)
      const rightAfter = await collected(server)
      await settle(AT_REST_MS)
      return { rightAfter, atRest: await collected(server), close }
    }
    const atEmpty = await readOpened(empty.id, tokenOfLink(empty.links.projector))
    const atFull = await readOpened(full.id, tokenOfLink(full.links.projector))
    atEmpty.close()
    atFull.close()
    await server.stop()
    const cards = tables.length * opts.cardsPerTable
    const perThousand = (from: number, to: number) => round((to - from) / (cards / 1000), 2)
    const reading = (from: Collected, to: Collected): MemoryReading => ({
      rssEmptyBoardsMb: from.rssMb,
      rssFullBoardsMb: to.rssMb,
      rssPerThousandCardsMb: perThousand(from.rssMb, to.rssMb),
      heapEmptyBoardsMb: from.heapMb,
      heapFullBoardsMb: to.heapMb,
      heapPerThousandCardsMb: perThousand(from.heapMb, to.heapMb),
    })
    return { cards, restS: AT_REST_MS / 1000, ...reading(atEmpty.atRest, atFull.atRest), rightAfter: reading(atEmpty.rightAfter, atFull.rightAfter) }
  } finally {
    removeDir(dataDir)
  }
}
