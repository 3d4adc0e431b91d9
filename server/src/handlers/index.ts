import { handleEventDisplay } from './event-display.js'
import { handleEventUpdate } from './event-update.js'
import type { Handlers } from './handler.js'
import { voteHandlers } from '../harvest/vote-handlers.js'
import { handlePresenceTable } from './presence-table.js'
import { handleProjectorShow } from './projector-show.js'
import { handleTreeObjectives } from './tree-objectives.js'
import { handleAdvance, handleBack, handleConfigure, handleExtend, handlePause, handleResume, handleSetTimer, handleStartTimer, handleStationLock } from './round-commands.js'

export const handlers: Handlers = {
  'presence:table': handlePresenceTable,
  'round:advance': handleAdvance,
  'round:back': handleBack,
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
  ...voteHandlers,
}
