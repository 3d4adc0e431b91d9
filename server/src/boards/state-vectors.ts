import * as Y from 'yjs'

/**
 * A state vector as `doc` sees it: only clients the doc has, each at most as far as the doc, in one
 * order. So vectors that ask for the same (a client the doc never saw, a clock beyond the doc's)
 * share one sync answer, and a made-up vector cannot make the server encode the board again and
 * again. A vector longer than `maxBytes` is left as it is (it is answered, never kept).
 */
export function asTheDocSees(doc: Y.Doc, stateVector: Uint8Array, maxBytes: number): Uint8Array {
  if (stateVector.length > maxBytes) return stateVector
  const seen = new Map<number, number>()
  for (const [client, clock] of Y.decodeStateVector(stateVector)) {
    const known = Math.min(clock, Y.getState(doc.store, client))
    if (known > 0) seen.set(client, known)
  }
  return Y.encodeStateVector(seen)
}

/** A state vector as a map key (its bytes, one character each). */
export const keyOf = (vector: Uint8Array): string => Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('latin1')
