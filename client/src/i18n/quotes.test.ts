import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLanguage, translate } from './index.js'

const SOURCE = join(import.meta.dirname, '..')
/** The client's source files (tests aside), with their paths relative to `client/src`. */
function sources(dir = SOURCE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}
/** A line's code without its comment (`// …`, or a line of a block comment). */
const codeOf = (line: string) => (/^\s*(\*|\/\*)/.test(line) ? '' : line.replace(/\s\/\/.*$/, ''))

describe('quotation marks', () => {
  it('come from the wording, so an English screen reads “…” and a German one „…“', async () => {
    await loadLanguage('en')
    expect(translate('de', 'common.quoted', { text: 'Sprache' })).toBe('„Sprache“')
    expect(translate('en', 'common.quoted', { text: 'Sprache' })).toBe('“Sprache”')
    const quoting = sources().flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ at: `${file.slice(SOURCE.length + 1)}:${i + 1}`, code: codeOf(line) }))
        .filter(({ code }) => code.includes('„'))
        .map(({ at }) => at),
    )
    expect(quoting).toEqual([])
  })
})
