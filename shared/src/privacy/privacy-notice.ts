import { z } from 'zod'
import { recordCollection } from '../storage/stored-record.schema.js'

/** Longest notice text, in characters. */
export const NOTICE_TEXT_MAX = 8000

/** A link to the organiser's own page: http(s) only (never `javascript:` or `data:`), or none. */
const noticeUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((u) => u === '' || /^https?:\/\/[^\s]+$/i.test(u), { params: { format: 'url' } })

/**
 * The organiser's Datenschutzhinweis and Impressum: each a text, a link, or both. Phones show them
 * before joining and from every screen; empty fields are not shown.
 */
export const privacyNoticeSchema = z.object({
  privacyText: z.string().trim().max(NOTICE_TEXT_MAX).default(''),
  privacyUrl: noticeUrlSchema.default(''),
  imprintText: z.string().trim().max(NOTICE_TEXT_MAX).default(''),
  imprintUrl: noticeUrlSchema.default(''),
})
export type PrivacyNotice = z.infer<typeof privacyNoticeSchema>

export const EMPTY_PRIVACY_NOTICE: PrivacyNotice = { privacyText: '', privacyUrl: '', imprintText: '', imprintUrl: '' }

/** Where an event's notice is stored (key PRIVACY_NOTICE_KEY); deleted with the event. */
export const PRIVACY_NOTICES = recordCollection('privacy-notice', privacyNoticeSchema)
export const PRIVACY_NOTICE_KEY = 'event'

/** Whether the notice has anything to show. */
export function hasNotice(n: PrivacyNotice): boolean {
  return Boolean(n.privacyText || n.privacyUrl || n.imprintText || n.imprintUrl)
}
