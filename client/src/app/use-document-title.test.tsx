import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useDocumentTitle } from './use-document-title.js'

function Titled({ title }: { title: string }) {
  useDocumentTitle(title)
  return null
}

/** Every source file of the client, for checks over all of it. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? sources(file) : /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [file] : []
  })
}

describe('user text stays text', () => {
  it('puts a hostile event title into the tab title as characters, adding no element', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>'
    render(<Titled title={hostile} />)
    expect(document.title).toBe(`${hostile} · Tischrunde`)
    expect(document.querySelectorAll('script, img')).toHaveLength(0)
  })

  it('uses no dangerouslySetInnerHTML or innerHTML anywhere in the client', () => {
    const root = path.resolve(import.meta.dirname, '..')
    const offenders = sources(root).filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML/.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })
})
