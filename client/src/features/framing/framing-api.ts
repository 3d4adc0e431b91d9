import { type EventFraming, type LogoType, LOGO_TYPES, apiErrorSchema, eventFramingSchema, logoIdSchema } from '@tischrunde/shared'
import { z } from 'zod'
import { ApiFailure, call } from '../../sync/api.js'

const path = (eventId: string, rest: string) => `/api/events/${encodeURIComponent(eventId)}/framing${rest}`
const framingAnswer = z.object({ framing: eventFramingSchema })
const logoAnswer = z.object({ logoId: logoIdSchema, width: z.number().int().positive(), height: z.number().int().positive() })

export const isLogoType = (type: string): type is LogoType => (LOGO_TYPES as readonly string[]).includes(type)

/** The console's requests for the documentation's framing and its logos. */
export const framingApi = {
  get: async (eventId: string, token: string): Promise<EventFraming> => (await call(framingAnswer, path(eventId, ''), { token })).framing,
  save: async (eventId: string, token: string, framing: EventFraming): Promise<EventFraming> =>
    (await call(framingAnswer, path(eventId, ''), { method: 'PUT', body: JSON.stringify({ framing }), token })).framing,
  /** Uploads an image file as it is (the server checks and cleans it); answers the new logo's id. */
  uploadLogo: async (eventId: string, token: string, file: Blob): Promise<string> => {
    let res: Response
    try {
      res = await fetch(path(eventId, '/logos'), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': file.type, accept: 'application/json' }, body: file })
    } catch {
      throw new ApiFailure({ code: 'NETWORK' })
    }
    const body: unknown = await res.json().catch(() => null)
    if (!res.ok) {
      const parsed = apiErrorSchema.safeParse(body)
      throw new ApiFailure(parsed.success ? parsed.data : { code: 'INTERNAL', message: `HTTP ${res.status}` })
    }
    return logoAnswer.parse(body).logoId
  },
  /** A logo as an object URL for the preview (the caller revokes it); null when it cannot be had. */
  logoUrl: async (eventId: string, token: string, logoId: string): Promise<string | null> => {
    const res = await fetch(path(eventId, `/logos/${encodeURIComponent(logoId)}`), { headers: { authorization: `Bearer ${token}` } }).catch(() => null)
    return res?.ok ? URL.createObjectURL(await res.blob()) : null
  },
}
