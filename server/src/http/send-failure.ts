import type { Response } from 'express'
import type { AckFailure, ApiError } from '@tischrunde/shared'

/**
 * Sends a failure as the JSON API's error body: its code and params, plus English text for logs if
 * any. The client words it (client/src/i18n/error-text.ts); no wording is sent from here.
 */
export function sendFailure(res: Response, status: number, { ok: _ok, path: _path, ...failure }: AckFailure): void {
  const body: ApiError = failure
  res.status(status).json(body)
}
