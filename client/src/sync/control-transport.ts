import type { Ack } from '@tischrunde/shared'
import type { ControlStatus } from '../store/event-slice.js'

/** One way to the control plane: Socket.IO, or a seated phone's board socket. */
export interface ControlTransport {
  /** Whether a command can go now (else it waits for the sink's `ready`). */
  ready(): boolean
  /** Sends a command; resolves with its answer, or never (the caller's timer answers NETWORK). */
  send(name: string, payload: unknown, timeoutMs: number): Promise<Ack>
  /** Sends a command that wants no answer (absent: `send`, its answer ignored). */
  tell?(name: string, payload: unknown): void
  close(): void
}

/** What a transport tells the connection. */
export interface TransportSink {
  /** A server message (schema-checked by the bindings that listen to it). */
  push(name: string, payload: unknown): void
  /** The control plane is online on this transport (again). */
  online(): void
  /** Commands can go (again): waiting ones are sent. */
  ready(): void
  /** The transport lost its connection, or was refused for good. */
  status(status: Extract<ControlStatus, 'connecting' | 'offline' | 'denied' | 'outdated'>): void
  /** The transport's board is gone: fall back to Socket.IO. */
  lost(): void
}
