/**
 * RSS per 1,000 stored cards: an event with many cards is imported, the server restarted, and the
 * RSS compared after opening all boards of an event without cards and then of the event with them
 * (a board in memory is its doc and the counts the write gate keeps).
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
    server = await startTischrunde({ dataDir, demo: false })
    const tables = eventFile('x', 0).event.tables.map((t) => t.id)
    const closeEmpty = await openBoards(server, empty.id, tables, tokenOfLink(empty.links.projector))
    await settle(1500)
    const rssEmpty = processRssMb(server.pid)
    const closeFull = await openBoards(server, full.id, tables, tokenOfLink(full.links.projector))
    await settle(1500)
    const rssFull = processRssMb(server.pid)
    closeEmpty()
    closeFull()
    await server.stop()
    const cards = tables.length * opts.cardsPerTable
    return { cards, rssEmptyBoardsMb: rssEmpty, rssFullBoardsMb: rssFull, rssPerThousandCardsMb: round((rssFull - rssEmpty) / (cards / 1000), 2) }
  } finally {
    removeDir(dataDir)
  }
}
