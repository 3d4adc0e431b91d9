import { io } from 'socket.io-client'
import { type Ack, TREE_NODES_ROOT, type TreeNode, WIRE_VERSION } from '@tischrunde/shared'
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
