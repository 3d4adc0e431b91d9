import { io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Ack, WIRE_VERSION } from '@tischrunde/shared'
import { PHONE } from './support/browser.js'
import { type Cafe, closeCafe, openCafe } from './support/cafe.js'

let cafe: Cafe

beforeAll(async () => {
  cafe = await openCafe({ title: 'Tisch wird aufgelöst', tableNames: ['Sprache', 'Arbeit'] })
})
afterAll(() => closeCafe(cafe))

describe('a table removed while people sit at it', () => {
  it('takes their phones to the table choice with a word why, as the same person (no new identity), also after a reload', async () => {
    const { server, browser, created } = cafe
    const phone = await (await browser.newContext(PHONE)).newPage()
    const joins: string[] = []
    phone.on('request', (r) => void (r.url().endsWith('/api/join') && joins.push(r.url())))
    await phone.goto(`${server.url}${created.links.participant}?tisch=arbeit`)
    await phone.getByRole('heading', { name: 'Arbeit' }).waitFor()
    await phone.getByRole('textbox', { name: 'Deine Karte' }).waitFor()
    const joinsBefore = joins.length

    const facilitator = io(server.url, { auth: { token: created.facilitatorToken, wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
    try {
      await new Promise<void>((resolve, reject) => (facilitator.once('connect', resolve), facilitator.once('connect_error', reject)))
      const { id: _id, showNames: _names, ...setup } = created.event
      const ack = (await facilitator.emitWithAck('event:update', { setup: { ...setup, tables: created.event.tables.filter((t) => t.id !== 'arbeit') } })) as Ack
      expect(ack).toEqual({ ok: true })
    } finally {
      facilitator.close()
    }

    await phone.getByRole('status').filter({ hasText: 'Dein Tisch wurde aufgelöst. Bitte wähle einen anderen Tisch.' }).waitFor({ timeout: 10_000 })
    expect(await phone.getByRole('button', { name: 'Arbeit', exact: true }).count()).toBe(0)
    await phone.reload()
    await phone.getByRole('button', { name: 'Sprache', exact: true }).waitFor({ timeout: 10_000 })
    expect(await phone.getByRole('button', { name: 'Arbeit', exact: true }).count()).toBe(0)
    // The same participant: no join anew (that would cost them their own cards elsewhere).
    expect(joins.length).toBe(joinsBefore)
    await phone.getByRole('button', { name: 'Sprache', exact: true }).click()
    await phone.getByRole('heading', { name: 'Sprache' }).waitFor()
  })
})
