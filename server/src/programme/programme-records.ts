import { bookingSchema, participantIdSchema, programmePersonSchema, recordCollection, storedProgrammeSchema } from '@tischrunde/shared'
import { z } from 'zod'

/** The day's programme of an event: one record. */
export const PROGRAMME_RECORDS = recordCollection('programme', storedProgrammeSchema)
/** The key of the one programme record. */
export const PROGRAMME_KEY = 'day'
/** One record per participant and work phase: the workshop chosen there. */
export const BOOKING_RECORDS = recordCollection('programme-bookings', bookingSchema)
/** One record per participant who signed up: the personal code and an optional display name. */
export const PEOPLE_RECORDS = recordCollection('programme-people', programmePersonSchema)
/** Personal code → participant, so a code finds its person without a scan. */
export const CODE_RECORDS = recordCollection('programme-codes', z.object({ participantId: participantIdSchema }))
