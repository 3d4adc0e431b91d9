import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type CredentialClaims, anyCredentialBodySchema } from '@tischrunde/shared'
import { writeFileDurably } from '../storage/durable-file.js'

/**
 * Signs and checks credentials: `<claims as base64url JSON>.<HMAC-SHA256>`, with named claims. The key lives in the
 * data folder, so links keep working across restarts and differ between installations.
 */
export interface Credentials {
  issue(claims: CredentialClaims): string
  /** The claims of a valid credential; null for anything forged, damaged or malformed. */
  verify(token: string): CredentialClaims | null
  /** A signed value for the instance's admin console. */
  adminKey: string
  isAdminKey(key: string): boolean
  /**
   * A stable pseudonym of `value` for `purpose` (lower-case hex, 24 characters): the same on every
   * node of the instance, and not to be reversed or confirmed by guessing without its secret.
   */
  pseudonym(purpose: string, value: string): string
}

export async function openCredentials(dataDir: string): Promise<Credentials> {
  const keyFile = path.join(dataDir, 'server.key')
  let secret: Buffer
  try {
    secret = Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64url')
    if (secret.length < 32) throw new Error(`${keyFile} is too short`)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    secret = randomBytes(32)
    await writeFileDurably(keyFile, secret.toString('base64url'))
  }
  return credentialsFromSecret(secret)
}

/**
 * Valid credentials remembered (by the whole token) so that a connection's every message does not
 * pay the signature check, JSON and schema again. The claims of a token never change; whether the
 * event still accepts them (deleted, revoked, a new epoch or generation) is checked on every use
 * by the caller, against the event's current state. Bounded: the oldest is forgotten first.
 */
const VERIFIED_KEPT = 20_000

export function credentialsFromSecret(secret: Buffer): Credentials {
  const sign = (data: string) => createHmac('sha256', secret).update(data).digest('base64url')
  const adminKey = sign('tischrunde:admin')
  const verified = new Map<string, CredentialClaims>()
  const remember = (token: string, claims: CredentialClaims) => {
    if (verified.size >= VERIFIED_KEPT) verified.delete(verified.keys().next().value!)
    verified.set(token, Object.freeze(claims))
  }
  const check = (token: string): CredentialClaims | null => {
    const dot = token.indexOf('.')
    if (dot <= 0 || token.length > 2000) return null
    const body = token.slice(0, dot)
    if (!equal(token.slice(dot + 1), sign(body))) return null
    try {
      // Links issued in the first format (single-letter fields) keep working.
      const parsed = anyCredentialBodySchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }
  return {
    issue(claims) {
      const body = Buffer.from(JSON.stringify({ v: 2, ...claims })).toString('base64url')
      const token = `${body}.${sign(body)}`
      // Signed here just now from typed claims: the phone's first connection need not check the
      // signature, JSON and schema again (a copy: the caller's object may change).
      remember(token, { ...claims })
      return token
    },
    verify(token) {
      const known = verified.get(token)
      if (known) return known
      const claims = check(token)
      if (!claims) return null
      remember(token, claims)
      return claims
    },
    adminKey,
    isAdminKey: (key) => equal(key, adminKey),
    pseudonym: (purpose, value) => createHmac('sha256', secret).update(`tischrunde:pseudonym:${purpose}\n${value}`).digest('hex').slice(0, 24),
  }
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
