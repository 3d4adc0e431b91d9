import express, { type Router } from 'express'
import { ErrorCode, type TreeGroupsAnswer, actorFromClaims, fail, may } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
import type { EventService } from '../events/event-service.js'
import { bearerOf } from '../http/route-access.js'
import { sendFailure } from '../http/send-failure.js'
import { treeGroupsInUse } from './tree-groups.js'


/**
 * `GET /events/:id/tree-groups`: the groups of the tree method that have trees, for the screens
 * that show every group (the console, the projector): with a maximum group size a value's groups
 * B, C, … appear once people of them write. Any screen of the event may ask.
 */
export function createTreeGroupRoutes(deps: { events: EventService; rooms: DocRooms }): Router {
  const router = express.Router()
  router.get('/events/:id/tree-groups', async (req, res) => {
    // AUTH
    const auth = await deps.events.authenticate(bearerOf(req))
    const actor = auth ? actorFromClaims(auth.claims) : null
    const eventId = String(req.params.id)
    if (!auth || !actor || !may(actor, 'event:view', { eventId })) return sendFailure(res, 401, fail(ErrorCode.UNAUTHORIZED, { credential: 'link' }))
    // RESOLUTION
    const method = auth.stored.event.treeMethod
    const answer: TreeGroupsAnswer = { groups: method ? (await treeGroupsInUse(deps.rooms, eventId, method)).map((g) => g.id) : [] }
    res.set('Cache-Control', 'no-store')
    res.json(answer)
  })
  return router
}
