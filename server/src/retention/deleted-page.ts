import type { RequestHandler } from 'express'
import type { DeletedEvents } from './deleted-events.js'

/**
 * The page a link of a deleted event opens (410 Gone), in the reader's language (German unless the
 * browser prefers English), without script or style: it passes any Content-Security-Policy.
 */
const page = (lang: 'de' | 'en') => {
  const w =
    lang === 'de'
      ? {
          title: 'Veranstaltung gelöscht – Tischrunde',
          heading: 'Diese Veranstaltung wurde gelöscht',
          text: 'Die Veranstaltung und alle ihre Karten, Namen und Ergebnisse sind gelöscht – nach Ablauf der Aufbewahrungsfrist oder durch die Moderation. Der Link funktioniert nicht mehr.',
          home: 'Zur Startseite',
        }
      : {
          title: 'Event deleted – Tischrunde',
          heading: 'This event was deleted',
          text: 'The event with all its cards, names and results has been deleted, at the end of its retention period or by its facilitator. This link no longer works.',
          home: 'To the start page',
        }
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${w.title}</title></head>
<body>
<main>
<h1>${w.heading}</h1>
<p>${w.text}</p>
<p><a href="/">${w.home}</a></p>
</main>
</body>
</html>
`
}
export const DELETED_PAGE = { de: page('de'), en: page('en') }

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
    const gone = m[1] === 'e' ? (await deleted.byEventId(key)) && !(await live.event(key)) : (await deleted.byJoinCode(key)) && !(await live.code(key))
    if (!gone) return next()
    const lang = req.acceptsLanguages('de', 'en') === 'en' ? 'en' : 'de'
    res.status(410).set({ 'Cache-Control': 'no-store', 'Content-Language': lang, Vary: 'Accept-Language' }).type('html').send(DELETED_PAGE[lang])
  }
}
