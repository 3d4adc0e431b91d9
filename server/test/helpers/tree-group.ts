import { io } from 'socket.io-client'
import { type Ack, type CreateEventResponse, TREE_DAY_PHASE_STATIONS, TREE_DAY_TEMPLATE, TREE_NODES_ROOT, type TreeNode, WIRE_VERSION } from '@tischrunde/shared'
import { api } from './api.js'
import type { RunningServer } from './in-process-server.js'
import { connectDoc } from './board-client.js'
import { within } from './wait.js'

/** Picks a value of the tree method as a phone does (`tree:join`); returns the group the server placed the participant in. */
export async function joinTreeGroup(url: string, token: string, value: string): Promise<string> {
  const socket = io(url, { auth: { token, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false, timeout: 5000 })
  try {
    await within(new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject))), 'the socket to connect')
    const ack = (await within(socket.emitWithAck('tree:join', { value }), 'the ack of tree:join')) as Ack<{ groupId: string }>
    if (!ack.ok) throw new Error(`tree:join refused: ${JSON.stringify(ack)}`)
    return ack.data.groupId
  } finally {
    socket.disconnect()
  }
}

/** Writes nodes into a tree doc as one phone does, and waits until the server says "gespeichert". */
export async function writeTreeNodes(url: string, docName: string, token: string, nodes: readonly TreeNode[]): Promise<void> {
  const phone = connectDoc(url, docName, token)
  try {
    await phone.synced()
    const map = phone.doc.getMap(TREE_NODES_ROOT)
    phone.doc.transact(() => {
      for (const n of nodes) map.set(n.id, n)
    })
    await phone.saved()
  } finally {
    phone.destroy()
  }
}

/** Creates a Bremen tree day (seed 001): two groups by municipality size, the trees driven by their stations. */
export async function createBremenTreeDay(running: RunningServer): Promise<CreateEventResponse> {
  const body = { title: 'Bremen', date: '2018-06-26', tableNames: [], template: TREE_DAY_TEMPLATE, treeMethod: { attribute: 'Kommunengröße', values: ['kleiner Landkreis', 'großer Landkreis'], maxGroupSize: null, phaseStations: { ...TREE_DAY_PHASE_STATIONS } } }
  return (await api<CreateEventResponse>(running.url, '/api/events', { body, token: running.server.credentials.adminKey })).body
}
