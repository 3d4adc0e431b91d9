import type { NextFunction, Request, Response } from 'express'
import type { Logger } from 'pino'

/**
 * The last handler of the app, for what reaches no API handler: pages and files whose address
 * cannot be read (`/e/%E0%A4%A/console`) or whose file fails. Answers in plain words, never with a
 * stack trace or a path of the server, and logs through the server's log (a malformed address at
 * debug level only, so anonymous requests cannot flood it).
 */
export function pageErrors(log: Logger) {
  // Express needs all four parameters to treat this as the error handler.
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error)
    const status = (error as { status?: number }).status
    const client = typeof status === 'number' && status >= 400 && status < 500
    if (client) log.debug({ path: req.path.slice(0, 200), status }, 'page request refused')
    else log.error({ err: error, path: req.path.slice(0, 200) }, 'page request failed')
    res
      .status(client ? status : 500)
      .type('text/plain; charset=utf-8')
      .send(client ? 'Diese Adresse ist ungültig. / This address is not valid.' : 'Ein Fehler ist aufgetreten. / Something went wrong.')
  }
}
