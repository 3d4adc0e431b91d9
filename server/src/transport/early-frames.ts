import { boardClose } from '@tischrunde/shared'
import type { Logger } from 'pino'
import type { WebSocket } from 'ws'

/**
 * How many bytes of frames one doc socket may send while its doc loads, together, before it is
 * closed. A client sends its sync step and at most an update of its own before the first answer
 * (each at most BOARD_MESSAGE_MAX, 2 MiB); more is no client of ours, and the server would hold it
 * in memory while a cold doc loads.
 * @default 4 MiB
 */
export const EARLY_FRAMES_BYTES_MAX = 4 * 1024 * 1024

/** The frames a doc socket sent while its doc loads, in order, bounded by their bytes together. */
export class EarlyFrames {
  private frames: [Buffer, boolean][] = []
  private bytes = 0

  constructor(private readonly maxBytes = EARLY_FRAMES_BYTES_MAX) {}

  /** Holds a frame; false (and letting go of everything held) when it would pass the bound. */
  hold(data: Buffer, binary: boolean): boolean {
    this.bytes += data.byteLength
    if (this.bytes > this.maxBytes) {
      this.frames = []
      return false
    }
    this.frames.push([data, binary])
    return true
  }

  /** The frames held, oldest first; nothing is held afterwards. */
  take(): [Buffer, boolean][] {
    const frames = this.frames
    this.frames = []
    return frames
  }
}

/**
 * Holds what a doc socket sends while its doc loads (within its pace). Past the bound in bytes the
 * socket is closed (TOO_MANY_MESSAGES) and `overflow` notes the sender. `stop` ends the holding and
 * gives the frames, oldest first, to be read once the doc is there.
 */
export function holdEarlyFrames(ws: WebSocket, how: { withinPace: () => boolean; overflow: () => void; log: Logger; doc: string; maxBytes?: number }): { stop: () => [Buffer, boolean][] } {
  const early = new EarlyFrames(how.maxBytes)
  const buffer = (data: Buffer, binary: boolean) => {
    if (!how.withinPace() || early.hold(data, binary) || ws.readyState !== ws.OPEN) return
    how.log.warn({ doc: how.doc }, 'doc socket sends too much while its doc loads, closed')
    how.overflow()
    ws.close(...boardClose('TOO_MANY_MESSAGES'))
  }
  ws.on('message', buffer)
  return {
    stop() {
      ws.off('message', buffer)
      return early.take()
    },
  }
}
