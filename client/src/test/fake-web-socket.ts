import * as decoding from 'lib0/decoding'
import { MESSAGE_CONTROL_COMMAND, readControlCommand } from '@tischrunde/shared'

/** A doc socket the test drives: what the phone sends, and the server's side of it. */
export class FakeWebSocket {
  static all: FakeWebSocket[] = []
  static readonly OPEN = 1
  readonly OPEN = 1
  readyState = 0
  binaryType = ''
  sent: Uint8Array[] = []
  onopen: (() => void) | null = null
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  constructor(readonly url: string) {
    FakeWebSocket.all.push(this)
  }
  send(data: Uint8Array) {
    this.sent.push(new Uint8Array(data))
  }
  close(code = 1000, reason = '') {
    if (this.readyState === 3) return
    this.readyState = 3
    this.onclose?.({ code, reason })
  }
  open() {
    this.readyState = 1
    this.onopen?.()
  }
  deliver(bytes: Uint8Array) {
    this.onmessage?.({ data: bytes.slice().buffer })
  }
  /** The control commands this socket sent (the board's own sync messages left out). */
  commands() {
    return this.sent.flatMap((bytes) => {
      const decoder = decoding.createDecoder(bytes)
      if (decoding.readVarUint(decoder) !== MESSAGE_CONTROL_COMMAND) return []
      const command = readControlCommand(decoder)
      return command ? [command] : []
    })
  }
}
