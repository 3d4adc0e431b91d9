import { z } from 'zod'

/**
 * What every page asks the server once (`GET /api/config`): the public address that goes into join
 * links and QR codes (TISCHRUNDE_PUBLIC_URL, without a trailing slash), or null when none is set —
 * then pages use the address they were opened with.
 */
export const clientConfigSchema = z.object({ publicUrl: z.string().url().nullable() })
export type ClientConfig = z.infer<typeof clientConfigSchema>
