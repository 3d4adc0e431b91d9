import express, { type Router } from 'express'
import type { TreeGroupsAnswer } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { EventService } from '../events/event-service.js'
import { screenOf } from '../http/route-access.js'
import { treeGroupsInUse } from './tree-groups.js'
import type { TreeMembers } from './tree-members.js'

/**
 * `GET /events/:id/tree-groups`: the groups of the tree method that have trees, for the screens
 * that show every group (the console, the projector): with a maximum group size a value's groups
 * B, C, … appear once people are placed in them or write. Any screen of the event may ask.
 */
export function createTreeGroupRoutes(deps: { events: EventService; rooms: DocRooms; treeMembers: Pick<TreeMembers, 'counts'> }): Router {
  const router = express.Router()
  router.get('/events/:id/tree-groups', async (req, res) => {
    // AUTH
    const auth = await screenOf(deps.events, req, res)
    if (!auth) return
    // RESOLUTION
    const method = auth.stored.event.treeMethod
    const eventId = auth.stored.event.id
    const answer: TreeGroupsAnswer = { groups: method ? (await treeGroupsInUse(deps.rooms, eventId, method, await deps.treeMembers.counts(eventId))).map((g) => g.id) : [] }
    res.set('Cache-Control', 'no-store')
    res.json(answer)
  })
  return router
}
