import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { winnendenEvent } from '@tischrunde/fixtures'
import { type RenderedFile, type ZipHelper, claimPart, renderZip, renderZipPart, zipParts } from './export-service.js'
import { pdfText } from './read-back.js'
import { ThreadZipHelper } from './zip-helper.js'

const file = winnendenEvent()

/** The ZIP's files: text formats as bytes, PDFs as their text (a PDF carries its creation time). */
async function contents(zip: Uint8Array): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    if (name.endsWith('.pdf')) out.set(name, await pdfText(bytes))
    else if (!/\.(docx|xlsx)$/.test(name)) out.set(name, Buffer.from(bytes).toString('base64'))
    else out.set(name, `${bytes.length > 0}`)
  }
  return out
}

describe('a ZIP rendered by two threads', () => {
  it('holds the same files in the same order as one rendered alone, the helper having rendered some', async () => {
    const alone = await renderZip(file)
    // A helper in this thread that claims the last twelve files of the order at once, then renders them.
    let helped = 0
    const nearby: ZipHelper = {
      async render(f, parts, order, claims, onFile) {
        const mine = order.slice(-12).reverse().filter((i) => claimPart(claims, i))
        for (const i of mine) {
          onFile(i, await renderZipPart(f, parts[i]!))
          helped++
        }
      },
    }
    const steps: number[] = []
    const both = await renderZip(file, (done) => steps.push(done), nearby)
    expect(helped).toBe(12)
    expect(Object.keys(unzipSync(both.bytes))).toEqual(Object.keys(unzipSync(alone.bytes)))
    expect(await contents(both.bytes)).toEqual(await contents(alone.bytes))
    // Progress counts every file once, whichever thread made it.
    expect(steps).toEqual(steps.map((_, i) => i))
  })

  it('a helper thread renders every file it can claim and hands each back', async () => {
    const parts = zipParts(file).slice(0, 8)
    const claims = new Int32Array(new SharedArrayBuffer(4 * parts.length))
    const got = new Map<number, RenderedFile>()
    await new ThreadZipHelper().render(file, parts, parts.map((_, i) => i), claims, (i, out) => got.set(i, out))
    expect([...got.keys()].sort((a, b) => a - b)).toEqual(parts.map((_, i) => i))
    for (const [i, out] of got) expect(out.fileName).toBe((await renderZipPart(file, parts[i]!)).fileName)
    expect(await pdfText(got.get(0)!.bytes)).toBe(await pdfText((await renderZipPart(file, parts[0]!)).bytes))
  })

  it('renders here what a failing helper claimed but did not hand back', async () => {
    const failing: ZipHelper = {
      async render(f, parts, order, claims, onFile) {
        // Claims the last three, delivers one, then fails.
        const mine = order.slice(-3).reverse().filter((i) => claimPart(claims, i))
        onFile(mine[0]!, await renderZipPart(f, parts[mine[0]!]!))
        throw new Error('helper lost')
      },
    }
    const out = await renderZip(file, undefined, failing)
    const alone = await renderZip(file)
    expect(Object.keys(unzipSync(out.bytes))).toEqual(Object.keys(unzipSync(alone.bytes)))
    expect(await contents(out.bytes)).toEqual(await contents(alone.bytes))
  })
})
