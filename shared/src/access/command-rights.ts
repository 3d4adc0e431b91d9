import type { ClientEventName } from '../wire/socket-events.js'
import type { EventAction } from './policy.js'
import type { Role } from './role.schema.js'

const RUN = { action: 'event:run', needs: 'facilitator' } as const

/**
 * Which of the policy's actions each control-plane command is, and the role a refusal names. The
 * server asks the policy with it before it reads the command's message: a role that may never send
 * a command learns FORBIDDEN, not the command's fields and limits. The handler still checks the
 * finer rule (a host moderates only at their own table, a participant votes only for themselves).
 */
export const COMMAND_RIGHTS: Readonly<Record<ClientEventName, { action: EventAction; needs: Role }>> = {
  'presence:table': { action: 'presence:report', needs: 'participant' },
  'round:advance': RUN,
  'round:back': RUN,
  'round:end': RUN,
  'round:pause': RUN,
  'round:resume': RUN,
  'timer:extend': RUN,
  'timer:set': RUN,
  'timer:start': RUN,
  'projector:show': RUN,
  'round:configure': RUN,
  'station:lock': RUN,
  'event:update': RUN,
  'event:display': RUN,
  'tree:objectives': RUN,
  'actors:refresh': RUN,
  'tree:join': { action: 'self:choose', needs: 'participant' },
  'tree:configure': RUN,
  'card:moderate': { action: 'cards:moderate', needs: 'host' },
  'station:moderation': RUN,
  'station:reveal': RUN,
  'vote:open': RUN,
  'vote:freeze': RUN,
  'vote:show': RUN,
  'vote:order': RUN,
  'vote:cast': { action: 'votes:cast', needs: 'participant' },
  'groups:edit': { action: 'cards:group', needs: 'facilitator' },
  'cards:move': { action: 'cards:group', needs: 'facilitator' },
  'programme:get': { action: 'event:view', needs: 'participant' },
  'programme:choose': { action: 'self:choose', needs: 'participant' },
  'programme:lookup': { action: 'self:choose', needs: 'participant' },
  'programme:save': RUN,
  'programme:shift': RUN,
  'programme:workshop': RUN,
  'programme:move': RUN,
  'programme:roster': RUN,
}
