import { roomNamesItself } from '@tischrunde/shared'
import type { Translate } from '../../i18n/index.js'

/** A workshop's room as screens show it: "Raum 1" for a bare "1", a named room ("Großer Saal", "Raum 1") as typed. */
export const roomText = (t: Translate, room: string): string => (roomNamesItself(room) ? room : t('programme.room', { room }))
