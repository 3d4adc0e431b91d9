import type * as Y from 'yjs'

/**
 * y-websocket's presence ("awareness", `y-protocols/awareness`) as the client build gets it: none.
 * Tischrunde's server drops presence messages (who is where comes over the control plane), so the
 * real module only cost every phone its code and a presence frame every 15 s for nobody. y-websocket
 * calls what is here; it keeps no state, sends an empty update and takes nothing from one.
 */
export class Awareness {
  readonly clientID: number
  readonly states = new Map<number, unknown>()
  readonly meta = new Map<number, unknown>()
  constructor(readonly doc: Y.Doc) {
    this.clientID = doc.clientID
  }
  /** No local state: y-websocket then sends none on connect. */
  getLocalState(): null {
    return null
  }
  setLocalState(): void {}
  setLocalStateField(): void {}
  getStates(): Map<number, unknown> {
    return this.states
  }
  on(): void {}
  off(): void {}
  destroy(): void {}
}

/** An update of no clients (its count, 0), as the real module writes it. */
export const encodeAwarenessUpdate = (): Uint8Array => new Uint8Array([0])
export const applyAwarenessUpdate = (): void => {}
export const removeAwarenessStates = (): void => {}
