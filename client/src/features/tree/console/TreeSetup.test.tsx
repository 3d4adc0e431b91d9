import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { type Ack, fail } from '@tischrunde/shared'
import { aTreeDay } from '../../../../../fixtures/src/builders.js'
import '../../../i18n/console-wording.js'
import '../../../i18n/tree-wording.js'
import { TreeSetup } from './TreeSetup.js'

describe('the console’s setup of the tree method', () => {
  it('says in German why a setup that would leave groups behind was not saved', async () => {
    const onSave = vi.fn(async (): Promise<Ack> => fail('NOT_NOW', { reason: 'TREE_GROUPS_IN_USE' }))
    render(<TreeSetup event={aTreeDay()} onSave={onSave} />)
    fireEvent.change(screen.getByLabelText('Höchstens Personen pro Gruppe (leer: keine Grenze)'), { target: { value: '2' } })
    fireEvent.submit(screen.getByRole('form', { hidden: true }))
    const alert = await screen.findByRole('alert', { hidden: true })
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ maxGroupSize: 2 }))
    expect(alert.textContent).toBe(
      'Die Gruppen haben schon Bäume oder Mitglieder. Werte, zu denen es schon Gruppen gibt, lassen sich nicht mehr entfernen, und eine Grenze für Personen pro Gruppe lässt sich nicht mehr einführen oder aufheben – sonst verschwänden ihre Bäume und ihre Leute verlören ihre Gruppe. Werte ergänzen und die Grenze ändern geht weiterhin.',
    )
  })
})
