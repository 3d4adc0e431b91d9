import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TableColumnPick } from './TableColumnPick.js'

afterEach(cleanup)

const tables = [
  { id: 'sprache', name: 'Sprache' },
  { id: 'arbeit', name: 'Arbeit' },
] as Parameters<typeof TableColumnPick>[0]['tables']

describe('the table and column choice of the grouping screens', () => {
  it('offers the tables and the columns under their labels, and reports a choice', () => {
    const setTableId = vi.fn()
    const setColumn = vi.fn()
    render(<TableColumnPick tables={tables} tableId="sprache" setTableId={setTableId} columns={[{ value: 's1/c1', label: 'Station 1 · Ideen' }]} column="s1/c1" setColumn={setColumn} />)
    const table = screen.getByRole('combobox', { name: 'Tisch' })
    expect([...table.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Sprache', 'Arbeit'])
    fireEvent.change(table, { target: { value: 'arbeit' } })
    expect(setTableId).toHaveBeenCalledWith('arbeit')
    expect(screen.getAllByRole('combobox')).toHaveLength(2)
  })

  it('leaves the table out when it is fixed', () => {
    render(<TableColumnPick tables={null} tableId="sprache" setTableId={() => {}} columns={[]} column="" setColumn={() => {}} />)
    expect(screen.getAllByRole('combobox')).toHaveLength(1)
  })
})
