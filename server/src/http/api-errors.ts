import type { NextFunction, Request, Response } from 'express'
import type { Logger } from 'pino'
import { ErrorCode, fail as failure } from '@tischrunde/shared'
import { isStorageFailure } from '../storage/storage-error.js'
import { sendFailure } from './send-failure.js'

/**
 * The JSON API's answer to an error a route threw or Express raised: a body that is no JSON (400),
 * one over the limit (413, `tooBig` its params), the store failing (503: nothing of the request was
 * kept; the same request works once storing does), anything else 500, which is logged with the
 * request's method and path (a 500 is always a fault of ours).
 */
export function answerApiErrors(log: Pick<Logger, 'error'>, tooBig: Record<string, unknown>) {
  // Express needs all four parameters to treat this as an error handler.
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const status = (error as { status?: number }).status
    if (status === 413) return sendFailure(res, 413, failure(ErrorCode.INVALID_MESSAGE, { path: [], issue: 'too_big', ...tooBig }))
    if (status === 400) return sendFailure(res, 400, failure(ErrorCode.INVALID_MESSAGE, { path: [], issue: 'invalid_format', format: 'json' }))
    if (isStorageFailure(error)) return sendFailure(res, 503, failure(ErrorCode.STORAGE_FAILED))
    log.error({ err: error, method: req.method, path: req.path }, 'API request failed')
    sendFailure(res, 500, failure(ErrorCode.INTERNAL))
  }
}
