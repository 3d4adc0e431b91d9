import path from 'node:path'
import { z } from 'zod'

/** Settings read from the environment at boot. Bad values stop the start with a list of the keys. */
const envSchema = z.object({
  /** @default 3000 */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** @default '0.0.0.0' — reachable from phones on the venue network. Use 127.0.0.1 to keep it local. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** @default './data' — events, boards and the server's signing key live here. */
  TISCHRUNDE_DATA_DIR: z.string().min(1).default('data'),
  /** The address phones use to reach this server (printed and put into QR codes). Default: guessed from the network. */
  TISCHRUNDE_PUBLIC_URL: z.string().url().optional(),
  /** @default 'info' */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})
export type Env = z.infer<typeof envSchema>

/** Parses `process.env`; throws an Error listing every bad key. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env & { dataDir: string } {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const keys = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Ungültige Umgebungsvariablen: ${keys}`)
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.TISCHRUNDE_DATA_DIR) }
}
