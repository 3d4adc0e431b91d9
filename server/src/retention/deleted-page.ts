import type { RequestHandler } from 'express'
import type { DeletedEvents } from './deleted-events.js'

/**
 * The page a link of a deleted event opens (410 Gone): in German and English, without script or
 * style, so it passes any Content-Security-Policy and reads well on a phone.
 */
export const DELETED_PAGE = `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Veranstaltung gelöscht – Tischrunde</title></head>
<body>
<main>
<h1>Diese Veranstaltung wurde gelöscht</h1>
<p>Die Veranstaltung und alle ihre Karten, Namen und Ergebnisse sind gelöscht – nach Ablauf der Aufbewahrungsfrist oder durch die Moderation. Der Link funktioniert nicht mehr.</p>
<p><a href="/">Zur Startseite</a></p>
<h2 lang="en">This event was deleted</h2>
<p lang="en">The event with all its cards, names and results has been deleted, at the end of its retention period or by its facilitator. This link no longer works.</p>
</main>
</body>
</html>
`

/** Answers the links of deleted events (`/e/<id>/…`, `/j/<code>`) with DELETED_PAGE; passes on the rest. */
export function deletedEventPages(deleted: DeletedEvents, live: { event: (id: string) => Promise<boolean>; code: (code: string) => Promise<boolean> }): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const m = /^\/(e|j)\/([^/?#]{1,200})(?:\/|$)/.exec(req.path)
    if (!m) return next()
    let key: string
    try {
      key = decodeURIComponent(m[2]!)
    } catch {
      return next()
    }
    // An id or code in use again (a new event) wins over the memory of a deleted one.
    const gone = m[1] === 'e' ? deleted.byEventId(key) && !(await live.event(key)) : deleted.byJoinCode(key) && !(await live.code(key))
    if (!gone) return next()
    res.status(410).set('Cache-Control', 'no-store').type('html').send(DELETED_PAGE)
  }
}
