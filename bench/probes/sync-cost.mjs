/**
 * What one "gespeichert" costs the process in CPU on this disk: a small frame written to a log and
 * synced (`fdatasync`), one at a time with a pause between (a person's pace), either appended or
 * written into a zero-filled reserve at the file's end (the tail session 27 built and measured).
 * The first 20 writes are not counted. Writes its file in the current folder and removes it.
 * @example
 *   node bench/probes/sync-cost.mjs append 150 200     # mode, writes, pause in ms
 *   node bench/probes/sync-cost.mjs reserve 150 200 4096
 */
import { Buffer } from 'node:buffer'
import console from 'node:console'
import process from 'node:process'
import { performance } from 'node:perf_hooks'
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

const [mode = 'append', count = '150', pauseMs = '200', page = '4096'] = process.argv.slice(2)
if (mode !== 'append' && mode !== 'reserve') {
  console.error('usage: node bench/probes/sync-cost.mjs append|reserve [writes] [pause ms] [reserve page bytes]')
  process.exit(2)
}
const file = `sync-cost-${process.pid}.ywal`
const fd = openSync(file, mode === 'append' ? 'a' : 'w+')
const frame = Buffer.alloc(120, 7)
let end = 0
let size = 0
let cpu = 0
let wall = 0
let sync = 0
for (let i = 0; i < +count; i++) {
  await sleep(+pauseMs)
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  if (mode === 'append') writeSync(fd, frame)
  else {
    if (end + frame.length > size) {
      const zeros = Buffer.alloc(+page)
      writeSync(fd, zeros, 0, zeros.length, size)
      size += zeros.length
    }
    writeSync(fd, frame, 0, frame.length, end)
  }
  end += frame.length
  const s0 = performance.now()
  fdatasyncSync(fd)
  const t1 = performance.now()
  const used = process.cpuUsage(cpu0)
  if (i >= 20) {
    cpu += used.user + used.system
    wall += t1 - t0
    sync += t1 - s0
  }
}
closeSync(fd)
rmSync(file)
const n = +count - 20
console.log(`${mode}${mode === 'reserve' ? ` (pages of ${page} bytes)` : ''}: ${(cpu / n).toFixed(0)} µs CPU, ${((wall * 1000) / n).toFixed(0)} µs wall, of it the sync ${((sync * 1000) / n).toFixed(0)} µs, per write`)
