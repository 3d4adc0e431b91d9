import { blankActor } from '@tischrunde/shared'
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SpelledCode } from '../../app/SpelledCode.js'
import ActorPhone from './ActorPhone.js'

const mention = (tableId: string) => ({ tableId, cardId: 'card-0001', text: 'Jobcenter', key: 'jobcenter', measures: [] })
vi.mock('../../sync/actor-map-hooks.js', () => ({
  useActorMap: () => ({
    actors: [{ ...blankActor('jobcenter', 'Jobcenter', 'arbeit'), mentions: [mention('t1'), mention('t2')] }],
    status: 'synced',
    areaNames: new Map(),
  }),
}))

afterEach(cleanup)

describe('counts and codes as a screen reader says them', () => {
  it('says what the number beside an actor on a phone counts', async () => {
    render(<ActorPhone eventId="cafe-test" token="t" onBack={() => {}} />)
    const item = await screen.findByRole('listitem')
    expect(item.textContent).toContain('an 2 Tischen genannt')
    expect(item.querySelector('[aria-hidden="true"]')?.textContent).toBe('(2)')
  })

  it('spells a code letter by letter, its text staying the code', () => {
    render(<SpelledCode className="join-code" testId="personal-code" code="K7MPQ2" />)
    expect(screen.getByRole('img', { name: 'K 7 M P Q 2' })).toBeTruthy()
    expect(screen.getByTestId('personal-code').textContent).toBe('K7MPQ2')
  })
})
