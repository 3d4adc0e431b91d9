import { boardDocName } from '@tischrunde/shared'
import { useEffect, useRef } from 'react'
import { connectBoard, isBoardOpen } from './board-connection.js'
import { readLeftBoards } from './device-storage.js'

/** Card writes for components: they go through the board connection, which components never hold. */
export { addCard, changeCard, dismissRefusal, removeCard } from './board-connection.js'
import { type CarriedBoard, type ControlConnection, type SwitchableControl, connectControl } from './control-connection.js'

/**
 * Keeps a control-plane connection open while the component is mounted (created in an effect:
 * StrictMode-safe). `carry`: a phone's seat, whose board socket then carries the control plane
 * (null: the phone sits nowhere, Socket.IO); absent: Socket.IO (facilitator screens).
 * `deferSocketMs`: how long Socket.IO may wait (a phone at the table choice; 0: now).
 */
export function useControl(token: string | null, eventId?: string, carry?: CarriedBoard | null, deferSocketMs = 0): React.RefObject<ControlConnection | null> {
  const ref = useRef<SwitchableControl | null>(null)
  useEffect(() => {
    if (!token) return
    const connection = connectControl(token, eventId)
    ref.current = connection
    return () => {
      connection.close()
      ref.current = null
    }
  }, [token, eventId])
  const { tableId = null, authorId = '', keepLocal = false } = carry ?? {}
  const boardEvent = carry?.eventId
  const boardToken = carry?.token
  useEffect(() => {
    ref.current?.carry(tableId && boardEvent && boardToken ? { eventId: boardEvent, tableId, token: boardToken, authorId, keepLocal } : null, deferSocketMs)
  }, [token, eventId, tableId, boardEvent, boardToken, authorId, keepLocal, deferSocketMs])
  return ref
}

/** Keeps a table's board open while mounted; returns its doc name for selectors and actions. */
export function useBoard(target: { eventId: string; tableId: string | null; token: string | null; authorId: string; keepLocal: boolean; docName?: string }): string | null {
  const { eventId, tableId, token, authorId, keepLocal, docName } = target
  useEffect(() => {
    if (!tableId || !token) return
    return connectBoard({ eventId, tableId, token, authorId, keepLocal, ...(docName ? { docName } : {}) })
  }, [eventId, tableId, token, authorId, keepLocal, docName])
  return tableId ? (docName ?? boardDocName(eventId, tableId)) : null
}

/**
 * A phone that changes tables with own cards not yet sent keeps the old board connected until the
 * server has them (board-connection.ts, `release`), and notes it on the device (`noteLeftBoard`).
 * After a reload (or a browser that dropped the sleeping tab) this opens such boards again, once per
 * mount, unless open already: each loads its device copy, sends what the server has not got, and
 * closes. Otherwise the cards waited on the phone until it sat at that table again — in a café, never.
 */
export function useLeftBoards(eventId: string): void {
  useEffect(() => {
    for (const left of readLeftBoards(eventId)) {
      const docName = left.docName === boardDocName(eventId, left.tableId) ? {} : { docName: left.docName }
      if (!isBoardOpen(left.docName)) connectBoard({ eventId, tableId: left.tableId, token: left.token, authorId: left.authorId, keepLocal: true, leaving: true, ...docName })
    }
  }, [eventId])
}
