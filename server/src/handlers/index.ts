import { handleEventDisplay } from './event-display.js'
import { handleEventUpdate } from './event-update.js'
import type { Handlers } from './handler.js'
import { programmeHandlers } from '../programme/programme-handlers.js'
import { voteHandlers } from '../harvest/vote-handlers.js'
import { handlePresenceTable } from './presence-table.js'
import { handleProjectorShow } from './projector-show.js'
import { handleTreeObjectives } from './tree-objectives.js'
import { handleActorsRefresh } from '../actors/actors-refresh-handler.js'
import { handleTreeJoin } from './tree-join.js'
import { handleTreeConfigure } from './tree-configure.js'
import { handleCardModerate, handleStationModeration, handleStationReveal } from '../moderation/moderation-handlers.js'
import { handleAdvance, handleBack, handleConfigure, handleEndDay, handleExtend, handlePause, handleResume, handleSetTimer, handleStartTimer, handleStationLock } from './round-commands.js'

export const handlers: Handlers = {
  'presence:table': handlePresenceTable,
  'round:advance': handleAdvance,
  'round:back': handleBack,
  'round:end': handleEndDay,
  'round:pause': handlePause,
  'round:resume': handleResume,
  'timer:extend': handleExtend,
  'timer:set': handleSetTimer,
  'timer:start': handleStartTimer,
  'projector:show': handleProjectorShow,
  'round:configure': handleConfigure,
  'station:lock': handleStationLock,
  'event:update': handleEventUpdate,
  'event:display': handleEventDisplay,
  'tree:objectives': handleTreeObjectives,
  'actors:refresh': handleActorsRefresh,
  ...programmeHandlers,
  'tree:join': handleTreeJoin,
  'tree:configure': handleTreeConfigure,
  'card:moderate': handleCardModerate,
  'station:moderation': handleStationModeration,
  'station:reveal': handleStationReveal,
  ...voteHandlers,
}
