import { describe, expect, it } from 'vitest'
import { nameKeptOff, recordWithoutName } from './hidden-names.js'

const card = { id: 'card-0001', text: 'Sprachkurse', authorId: 'p-12345678', authorName: 'Anna' }

describe('names kept off the cards while they are not shown', () => {
  it('takes the name off a card and off the card a held record holds, and leaves records without one alone', () => {
    const { authorName: _name, ...anonymous } = card
    expect(recordWithoutName(card)).toEqual(anonymous)
    expect(recordWithoutName({ id: 'card-0001', status: 'hidden', card })).toEqual({ id: 'card-0001', status: 'hidden', card: anonymous })
    expect(recordWithoutName(anonymous)).toBeUndefined()
    expect(recordWithoutName({ status: 'hidden', card: anonymous })).toBeUndefined()
    expect(recordWithoutName(null)).toBeUndefined()
    expect(recordWithoutName(3)).toBeUndefined()
  })

  it('corrects a written card only while names are off', () => {
    expect(nameKeptOff(null, card, true)).toBeNull()
    expect(nameKeptOff(null, card, false)).not.toHaveProperty('authorName')
    // A correction of the kind (its place) keeps its other changes.
    expect(nameKeptOff({ ...card, position: 3 }, card, false)).toEqual({ id: 'card-0001', text: 'Sprachkurse', authorId: 'p-12345678', position: 3 })
    expect(nameKeptOff(null, { ...card, authorName: undefined }, false)).toBeNull()
  })
})
