import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TableSigns } from './TableSigns.js'

// jsdom draws no canvas: the QR code's picture is a stand-in that names its link.
vi.mock('qrcode', () => ({ default: { toDataURL: vi.fn(async (url: string) => `data:image/png;base64,${btoa(url)}`) } }))

const tables = [
  { id: 'sprache', name: 'Sprache', host: 'Frau Weber' },
  { id: 'schule-kita', name: 'Schule und Kita', host: '' },
]

afterEach(() => vi.restoreAllMocks())

describe('table signs', () => {
  it('prints one sign per table with its name, host and a QR code of the table’s own join link, then leaves the page as it was', async () => {
    // jsdom has no print dialog.
    const print = vi.fn()
    window.print = print
    render(<TableSigns title="Integrationsforum Schorndorf" tables={tables} participantLink="/j/ABC123" joinUrl="http://tisch.example/j/ABC123" joinCode="ABC123" />)
    fireEvent.click(screen.getByRole('button', { name: 'Tischschilder drucken' }))
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1))
    expect(document.body.classList.contains('print-table-signs')).toBe(true)
    const signs = [...document.querySelectorAll('.table-sign')]
    expect(signs.map((s) => s.querySelector('h2')!.textContent)).toEqual(['Sprache', 'Schule und Kita'])
    expect(signs[0]!.textContent).toContain('Gastgeber*in: Frau Weber')
    expect(signs[1]!.textContent).toContain('oder http://tisch.example/j/ABC123 öffnen und den Code ABC123 eingeben')
    const links = signs.map((s) => atob(s.querySelector('img')!.getAttribute('src')!.split(',')[1]!))
    expect(links.map((l) => new URL(l).searchParams.get('tisch'))).toEqual(['sprache', 'schule-kita'])
    act(() => void window.dispatchEvent(new Event('afterprint')))
    expect(document.querySelectorAll('.table-sign')).toHaveLength(0)
    expect(document.body.classList.contains('print-table-signs')).toBe(false)
  })
})
