import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { SkipLink } from './SkipLink.js'

afterEach(cleanup)

describe('the console’s skip link', () => {
  it('names code, tables and export on a café day', () => {
    render(<SkipLink target="console-content" />)
    expect(screen.getByRole('link').textContent).toBe('Zum Inhalt springen (Code, Tische, Export)')
  })

  it('names the programme, not tables, on a programme-only day', () => {
    render(<SkipLink target="console-content" programmeOnly />)
    expect(screen.getByRole('link').textContent).toBe('Zum Inhalt springen (Code, Programm, Export)')
  })
})
