import { commandIds } from '../../sync/command-ids.js'

/**
 * The ids of a phone's vote taps. A tap whose answer was lost (NETWORK) may have arrived: the same
 * tap (card and direction) again sends the same id, so the server answers it without counting it
 * twice (see `commandIds`).
 */
export const castIds = commandIds
