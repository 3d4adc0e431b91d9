import * as Y from 'yjs'
import { keepSavedVector, readSavedVector as readStoredVector } from './device-storage.js'

/** What the server last said it has stored of a board (its state vector), as this device keeps it. */
export function readSavedVector(docName: string): Map<number, number> {
  const stored = readStoredVector(docName)
  if (!stored) return new Map()
  try {
    return Y.decodeStateVector(base64ToBytes(stored))
  } catch {
    return new Map()
  }
}

/** Keeps the server's "gespeichert" state vector of a board on the device (null: forgets it, with the copy). */
export const keepSaved = (docName: string, stateVector: Uint8Array | null): boolean => keepSavedVector(docName, stateVector && bytesToBase64(stateVector))

function bytesToBase64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}
function base64ToBytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
}
