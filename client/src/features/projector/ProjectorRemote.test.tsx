import { INITIAL_ROUND_STATE, KOMMUNENGROESSE_VALUES, type ProjectorDisplay } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import '../../i18n/console-wording.js'
import { ProjectorRemote } from './ProjectorRemote.js'

const treeDay = anEvent({
  tableCount: 0,
  treeMethod: { attribute: 'Kommunengröße', values: [...KOMMUNENGROESSE_VALUES], maxGroupSize: null, phaseStations: { problem: 'problembaum', objective: 'loesungsbaum' } },
  template: {
    method: 'world-cafe',
    stations: [
      { id: 'problembaum', title: 'Reflexionsphase 1: Problembaum', prompt: '', columns: [{ id: 'baum', title: 'Problembaum' }] },
      { id: 'loesungsbaum', title: 'Reflexionsphase 2: Lösungsbaum', prompt: '', columns: [{ id: 'baum', title: 'Lösungsbaum' }] },
    ],
  },
})

describe('"Beamer steuern"', () => {
  it('offers on a tree day only what the tree projector obeys: its trees, the join screen and the actor map', async () => {
    const send = vi.fn(async (_display: ProjectorDisplay) => ({ ok: true as const }))
    render(<ProjectorRemote event={treeDay} round={{ ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 }} token="t" send={send} />)
    const views = screen.getByRole('group', { name: 'Ansicht' })
    expect([...views.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Bäume der Kleingruppen', 'Beitreten', 'Akteurslandkarte'])
    for (const gone of ['Ein Tisch', 'Alle Tische', 'Sichtung']) expect(screen.queryByRole('button', { name: gone })).toBeNull()
    expect(screen.queryByText(/Spalte „Problembaum“ groß zeigen/)).toBeNull()
    expect(screen.queryByText('Noch keine Karten.')).toBeNull()
    expect(screen.queryByRole('heading', { name: /Groß zeigen/ })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Beitreten' }))
    await waitFor(() => expect(send).toHaveBeenCalledWith({ view: 'join', tableId: null, station: null, spotlight: null }))
  })

  it('chooses on a tree day which group and which tree the projectors show', async () => {
    const send = vi.fn(async (_display: ProjectorDisplay) => ({ ok: true as const }))
    render(<ProjectorRemote event={treeDay} round={{ ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 1 }} token="t" send={send} />)
    const group = screen.getByRole('combobox', { name: 'Gruppe' })
    expect([...group.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['–', ...KOMMUNENGROESSE_VALUES])
    const second = [...group.querySelectorAll('option')][2]!.value
    fireEvent.change(group, { target: { value: second } })
    // The afternoon's station drives the solution tree: chosen without asking.
    await waitFor(() => expect(send).toHaveBeenLastCalledWith({ view: 'table', tableId: null, station: null, spotlight: null, tree: { groupId: second, phase: 'objective' } }))
    const trees = screen.getByRole('group', { name: 'Baum' })
    expect([...trees.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Problembaum', 'Lösungsbaum'])
  })

  it('never heads the spotlight with an empty table name', () => {
    const send = vi.fn(async () => ({ ok: true as const }))
    render(<ProjectorRemote event={anEvent({ tableCount: 0 })} round={{ ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 }} token="t" send={send} />)
    const heading = screen.getByRole('heading', { level: 3 })
    expect(heading.textContent).not.toMatch(/·\s*·/)
    expect(heading.textContent?.startsWith('Groß zeigen · ')).toBe(true)
  })
})
