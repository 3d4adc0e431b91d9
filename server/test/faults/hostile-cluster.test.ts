import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { CREATE_ROUTE, JOIN_ROUTE, eventOfRequest } from '../../src/cluster/event-of-request.js'
import { createEvent } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { report } from './fault-kit.js'

/**
 * In a cluster every request of an event is served by the event's owner node, and joining and
 * creating events by one node each (their budgets). The router must read a path as Express does:
 * a spelling Express serves as the event's route but the router does not see as that event would
 * be served by any node, next to the owner (a second copy of the event's docs and budgets).
 */
describe('fault suite: paths the cluster router and the API read alike', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('faults-hostile-cluster')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Routen', tableNames: ['Sprache'] })
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('routes every spelling of an event path that the API serves to that event', async () => {
    const id = cafe.event.id
    for (const path of [`/api/events/${id}`, `/API/events/${id}`, `/api/EVENTS/${id}`, `/Api/Events/${id}/`, `/api/events/${id}/`]) {
      const res = await fetch(`${running.url}${path}`, { headers: { authorization: `Bearer ${cafe.facilitatorToken}` } })
      report(`GET ${path}`, `${res.status}, routed to ${eventOfRequest(path)}`)
      if (res.status === 200) expect(eventOfRequest(path), path).toBe(id)
    }
  })

  it('routes every spelling of joining and creating that the API serves to their one node', async () => {
    for (const path of ['/api/join', '/API/JOIN', '/api/join/']) {
      const res = await fetch(`${running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'ZZZZZZ' }) })
      report(`POST ${path}`, `${res.status}, routed to ${eventOfRequest(path, 'POST')}`)
      // Served by the join route (a wrong code), not the API's "no such address".
      if (res.status !== 404 || ((await res.json()) as { code?: string }).code !== 'NOT_FOUND') expect(eventOfRequest(path, 'POST'), path).toBe(JOIN_ROUTE)
    }
    for (const path of ['/api/events', '/API/Events', '/api/events/']) {
      const res = await fetch(`${running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      report(`POST ${path}`, `${res.status}, routed to ${eventOfRequest(path, 'POST')}`)
      if (res.status === 401 || res.status === 400) expect(eventOfRequest(path, 'POST'), path).toBe(CREATE_ROUTE)
    }
  })
})
