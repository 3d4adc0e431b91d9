import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { type TitledScreen, useDocumentTitle } from './use-document-title.js'

function Titled({ title, screen }: { title: string; screen?: TitledScreen }) {
  useDocumentTitle(title, screen)
  return null
}

/** Every source file of the client, for checks over all of it. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? sources(file) : /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [file] : []
  })
}

describe('the tab title', () => {
  it('names the screen on the console and the projector, so two tabs of one event differ', () => {
    const { rerender } = render(<Titled title="Winnenden" screen="console" />)
    expect(document.title).toBe('Moderation · Winnenden · Tischrunde')
    rerender(<Titled title="Winnenden" screen="projector" />)
    expect(document.title).toBe('Beamer · Winnenden · Tischrunde')
    rerender(<Titled title="Winnenden" />)
    expect(document.title).toBe('Winnenden · Tischrunde')
  })
})

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
