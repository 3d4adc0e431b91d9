import type * as encoding from 'lib0/encoding'
import {
  type Ack,
  BoardCloseCode,
  CONTROL_QUERY_PARAM,
  CONTROL_ID_MAX,
  CONTROL_ID_UNANSWERED,
  MESSAGE_CONTROL_ACK,
  MESSAGE_CONTROL_PUSH,
  boardDocName,
  encodeControlCommand,
  parseBoardCloseReason,
  readControlAck,
  readControlPush,
} from '@tischrunde/shared'
import { useTischStore } from '../store/index.js'
import { type BoardTarget, boardProvider, connectBoard } from './board-connection.js'
import type { ControlTransport, TransportSink } from './control-transport.js'

/** Where a seated phone's control plane rides: its table's board. */
export type CarriedBoard = Omit<BoardTarget, 'control' | 'docName'>

let lastId = 0
const nextId = () => (lastId = lastId >= CONTROL_ID_MAX ? 1 : lastId + 1)

/**
 * The control plane on a seated phone's board socket (opened with `?control=`): pushes and answers
 * arrive as MESSAGE_CONTROL_PUSH / MESSAGE_CONTROL_ACK, commands leave as MESSAGE_CONTROL_COMMAND.
 * The phone then holds one connection, not two. Online is the first event state after each connect
 * (the server has put the socket into the event's rooms by then).
 */
export function openCarriedTransport(target: CarriedBoard, sink: TransportSink): ControlTransport {
  const docName = boardDocName(target.eventId, target.tableId)
  const release = connectBoard({ ...target, control: true })
  const provider = boardProvider(docName)!
  const waiting = new Map<number, (ack: Ack) => void>()
  let closed = false
  let stateSeen = false

  provider.messageHandlers[MESSAGE_CONTROL_PUSH] = (_encoder: encoding.Encoder, decoder) => {
    const push = readControlPush(decoder)
    if (!push || closed) return
    if (push.name === 'event:state' && !stateSeen) {
      sink.push(push.name, push.payload)
      stateSeen = true
      return sink.online()
    }
    sink.push(push.name, push.payload)
  }
  provider.messageHandlers[MESSAGE_CONTROL_ACK] = (_encoder: encoding.Encoder, decoder) => {
    const answer = readControlAck(decoder)
    if (!answer) return
    const resolve = waiting.get(answer.id)
    waiting.delete(answer.id)
    resolve?.(answer.ack)
  }
  const onStatus = ({ status }: { status: string }) => {
    if (closed) return
    if (status === 'connected') {
      sink.status('connecting')
      sink.ready()
    } else if (status === 'disconnected') {
      stateSeen = false
      sink.status('offline')
    }
  }
  const onClose = (event: CloseEvent | null) => {
    if (closed) return
    // The credential no longer opens the event: final. The board is gone (the table was removed):
    // the control plane itself may still be there, over Socket.IO.
    if (event?.code === BoardCloseCode.UNAUTHORIZED) sink.status('denied')
    else if (event?.code === BoardCloseCode.NOT_FOUND) {
      if (parseBoardCloseReason(event.reason)?.reason === 'EVENT_DELETED') sink.push('event:deleted', null)
      else sink.lost()
    }
  }
  provider.on('status', onStatus)
  provider.on('connection-close', onClose)
  // A refused upgrade looks like a network failure to the browser; the board asks the API and says 'denied'.
  const unsubscribe = useTischStore.subscribe((s) => {
    if (!closed && s.boards[docName]?.status === 'denied') sink.status('denied')
  })
  // A socket of this board opened without the control plane (it reconnects with it) does not count.
  const carries = () => provider.wsconnected && provider.ws?.readyState === WebSocket.OPEN && provider.ws.url.includes(`${CONTROL_QUERY_PARAM}=`)
  if (carries()) onStatus({ status: 'connected' })

  return {
    ready: () => !closed && carries(),
    send(name, payload, timeoutMs) {
      const id = nextId()
      return new Promise<Ack>((resolve) => {
        waiting.set(id, resolve)
        // An answer that never comes (the socket dropped on the way) is forgotten with the caller's timeout.
        setTimeout(() => waiting.delete(id), timeoutMs)
        provider.ws?.send(encodeControlCommand(id, name, payload) as Uint8Array<ArrayBuffer>)
      })
    },
    tell(name, payload) {
      provider.ws?.send(encodeControlCommand(CONTROL_ID_UNANSWERED, name, payload) as Uint8Array<ArrayBuffer>)
    },
    close() {
      if (closed) return
      closed = true
      unsubscribe()
      provider.off('status', onStatus)
      provider.off('connection-close', onClose)
      // The board may stay open for the screen: its control messages are then dropped quietly.
      provider.messageHandlers[MESSAGE_CONTROL_PUSH] = () => {}
      provider.messageHandlers[MESSAGE_CONTROL_ACK] = () => {}
      waiting.clear()
      release()
    },
  }
}
