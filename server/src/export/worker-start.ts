import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/**
 * Room for new objects: an export makes many short-lived ones (shaped words, XML elements), and
 * V8's default (16 MB semi-spaces) collects them so often that collecting costs about a tenth of
 * the export's CPU time. Three times the semi-space size (two semi-spaces and the new large objects).
 */
const YOUNG_GENERATION_MB = 96

/**
 * Starts a worker thread from a module of this folder (`name` without its ending). Under vitest or
 * tsx the sources are TypeScript, which Node 20 cannot start a worker from (and `--import tsx` in a
 * worker's execArgv does not reach its entry module): it is then loaded through tsx's API.
 */
export function startExportThread(name: string): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
  // tsx may add a query to a module's URL: its path tells.
  if (!new URL(import.meta.url).pathname.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), { resourceLimits })
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'))
  const tsx = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href
  const entry = new URL(`./${name}.ts`, import.meta.url).href
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`, { eval: true, resourceLimits })
}

/** For postMessage: the bytes' buffer to move, when they are all of it (a Buffer from Node's pool shares one with others: that one is copied). */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer[] {
  const buffer = bytes.buffer
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? [buffer] : []
}
