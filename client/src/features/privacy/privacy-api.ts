import { type PrivacyNotice, type RetentionView, privacyNoticeSchema, retentionViewSchema } from '@tischrunde/shared'
import { z } from 'zod'
import { call } from '../../sync/api.js'

const eventPath = (eventId: string, rest: string) => `/api/events/${encodeURIComponent(eventId)}/${rest}`

/** Retention and privacy-notice requests of the console, the admin page and the phone. */
export const privacyApi = {
  retention: (eventId: string, token: string): Promise<RetentionView> => call(retentionViewSchema, eventPath(eventId, 'retention'), { token }),
  setRetention: (eventId: string, token: string, deleteOn: string): Promise<RetentionView> =>
    call(retentionViewSchema, eventPath(eventId, 'retention'), { method: 'PUT', body: JSON.stringify({ deleteOn }), token }),
  /** Every event's retention, for the admin page (admin key). */
  allRetention: (adminKey: string): Promise<Record<string, RetentionView>> => call(z.record(z.string(), retentionViewSchema), '/api/retention', { token: adminKey }),
  notice: (eventId: string, token: string): Promise<PrivacyNotice> => call(privacyNoticeSchema, eventPath(eventId, 'privacy'), { token }),
  setNotice: (eventId: string, token: string, notice: PrivacyNotice): Promise<PrivacyNotice> =>
    call(privacyNoticeSchema, eventPath(eventId, 'privacy'), { method: 'PUT', body: JSON.stringify(notice), token }),
  /** A participant deletes their own cards and name in every doc of the event; answers how many went. */
  forgetMine: (eventId: string, token: string): Promise<{ removed: number }> =>
    call(z.object({ removed: z.number().int().min(0) }), eventPath(eventId, 'my-contributions'), { method: 'DELETE', token }),
}
