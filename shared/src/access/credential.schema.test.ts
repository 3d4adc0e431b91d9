import { describe, expect, it } from 'vitest'
import { eventAccessSchema } from '../storage/stored-data.schema.js'
import { INITIAL_GENERATIONS, bumpGeneration, currentGeneration, openedWith, revokeRequestSchema, revokedLinkOf } from './credential.schema.js'

describe('links renewed one by one', () => {
  it('reads an access record written before generations existed as every link at generation 0', () => {
    const access = eventAccessSchema.parse({ joinCode: 'ACDEFG', createdAt: 1, accessEpoch: 2 })
    expect(access.generations).toEqual({ projector: 0, facilitator: 0, hosts: {} })
    expect(currentGeneration(access.generations, { role: 'projector' })).toBe(0)
    // Written before the facilitator link could be renewed: that one reads as 0 too.
    expect(eventAccessSchema.parse({ joinCode: 'ACDEFG', createdAt: 1, accessEpoch: 2, generations: { projector: 4, hosts: { sprache: 1 } } }).generations).toEqual({ projector: 4, facilitator: 0, hosts: { sprache: 1 } })
  })

  it.each([
    ['projector', { role: 'projector' }, { projector: 1, facilitator: 0, hosts: {} }],
    ['facilitator', { role: 'facilitator' }, { projector: 0, facilitator: 1, hosts: {} }],
    ['one host', { role: 'host', tableId: 'sprache' }, { projector: 0, facilitator: 0, hosts: { sprache: 1 } }],
  ] as const)('bumps only the %s link', (_name, link, want) => {
    expect(bumpGeneration(INITIAL_GENERATIONS(), link)).toEqual(want)
  })

  it.each([
    ['projector', undefined, 3],
    ['host', 'sprache', 2],
    ['host', 'arbeit', 0],
    ['host', 'constructor', 0],
    ['facilitator', undefined, 5],
    ['participant', undefined, 0],
  ] as const)('asks a %s credential (table %s) for generation %i', (role, table, want) => {
    const generations = { projector: 3, facilitator: 5, hosts: { sprache: 2 } }
    expect(currentGeneration(generations, { role, ...(table ? { table } : {}) })).toBe(want)
  })

  it('matches the sockets of a revoked link: the projector’s, the facilitators’, or one table’s host', () => {
    const at = (role: string, tableId: string | null = null) => ({ role, tableId })
    expect(openedWith(at('projector'), { role: 'projector' })).toBe(true)
    expect(openedWith(at('facilitator'), { role: 'projector' })).toBe(false)
    expect(openedWith(at('facilitator'), { role: 'facilitator' })).toBe(true)
    expect(openedWith(at('projector'), { role: 'facilitator' })).toBe(false)
    expect(openedWith(at('host', 'sprache'), { role: 'host', tableId: 'sprache' })).toBe(true)
    expect(openedWith(at('host', 'arbeit'), { role: 'host', tableId: 'sprache' })).toBe(false)
    expect(openedWith(at('participant', 'sprache'), { role: 'host', tableId: 'sprache' })).toBe(false)
  })

  it('accepts only the four renewable credentials', () => {
    expect(revokeRequestSchema.safeParse({ credential: 'facilitator' }).success).toBe(true)
    expect(revokeRequestSchema.safeParse({ credential: 'participant' }).success).toBe(false)
    expect(revokeRequestSchema.safeParse({ credential: 'host' }).success).toBe(false)
    expect(revokeRequestSchema.safeParse({ credential: 'join-code' }).success).toBe(true)
    expect(revokedLinkOf({ credential: 'facilitator' })).toEqual({ role: 'facilitator' })
    expect(revokedLinkOf({ credential: 'host', tableId: 'sprache' })).toEqual({ role: 'host', tableId: 'sprache' })
  })
})
