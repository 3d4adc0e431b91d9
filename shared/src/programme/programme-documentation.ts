import type { AgendaItem } from '../event/event.schema.js'
import type { EventExport } from '../export/event-export.schema.js'
import { type MethodStation, type ResultSheet, inWords, plainText } from '../export/result-sheet.js'
import { clockText, schedule } from './programme-clock.js'
import { plenaryDetail } from './agenda-view.js'
import type { Programme, ProgrammeItem, Workshop } from './programme.schema.js'
import { roomNamesItself } from './room-name.js'
import { workshopSheetId } from './workshop-sheets.js'

/** The documentation's German words for a day's programme and its workshops. */
export const PROGRAMME_DOC_WORDS = {
  workshop: (w: Pick<Workshop, 'number' | 'title'>) => `Workshop ${w.number}: ${w.title}`,
  room: (room: string) => (roomNamesItself(room) ? room : `Raum ${room}`),
  with: (people: readonly string[]) => `Mit ${people.join('; ')}`,
  time: (start: number, end: number) => `${clockText(start)} – ${clockText(end)} Uhr`,
  /** After a workshop in the method's list whose board stayed empty while others have chapters. */
  noCards: '(keine Karten)',
  /** The title page's count line of a day of workshops: "10 Workshops in 2 Arbeitsphasen". */
  summary: (workshops: number, phases: number, cards: number) =>
    `${workshops === 1 ? '1 Workshop' : `${workshops} Workshops`} in ${phases === 1 ? 'einer Arbeitsphase' : `${phases} Arbeitsphasen`}` + (cards > 0 ? ` · ${cards === 1 ? '1 Karte' : `${cards} Karten`}` : ''),
  /** The method page's opening for a day of plenary items and workshops. */
  methodIntro: (workshops: number, phases: number, withResults: boolean) =>
    `Die Veranstaltung verband das Plenum mit ${workshops === 1 ? 'einem Workshop' : `${inWords(workshops)} Workshops`} in ${phases === 1 ? 'einer Arbeitsphase' : `${inWords(phases)} Arbeitsphasen`}; ` +
    // Whether anyone did is not in the file (sign-ups stay behind): said as the offer it was.
    'die Teilnehmenden konnten ihre Workshops vorab am Handy wählen. ' +
    (withResults ? 'Was an den Pinnwänden der Workshops festgehalten wurde, folgt je Workshop in einem eigenen Kapitel.' : 'Die Workshops hielten ihre Ergebnisse nicht in Tischrunde fest.'),
} as const

/** One line of a workshop in the agenda and the method page: number, title, room, speakers. */
function workshopLine(w: Workshop): string {
  return [PROGRAMME_DOC_WORDS.workshop(w), w.room ? PROGRAMME_DOC_WORDS.room(w.room) : '', w.speakers.length > 0 ? PROGRAMME_DOC_WORDS.with(w.speakers) : ''].filter(Boolean).map(plainText).join(' – ')
}

function itemDetail(item: ProgrammeItem): string {
  if (item.workshops.length > 0) return item.workshops.map(workshopLine).join('\n')
  return plainText(plenaryDetail(item, PROGRAMME_DOC_WORDS.room))
}

/**
 * The documentation's agenda from the day's programme, at the times the day ran (after the
 * facilitator's shifts), every workshop with its title, room and speakers (the event's own agenda
 * keeps the planned times and only the workshops' numbers).
 */
export function programmeAgenda(programme: Programme): AgendaItem[] {
  return schedule(programme).map(({ item, start }) => ({ time: clockText(start), title: plainText(`${item.title}${item.subtitle ? `: ${item.subtitle}` : ''}`), detail: itemDetail(item) }))
}

/** What a day of workshops (no theme tables, no trees) says on its title and method pages. */
export function programmeDayMethod(file: EventExport, workshopChapters: readonly ResultSheet[]): { summary: string; methodIntro: string; method: MethodStation[] } | null {
  const programme = file.programme
  const phases = programme ? schedule(programme).filter(({ item }) => item.workshops.length > 0) : []
  if (!programme || phases.length === 0) return null
  const workshops = phases.reduce((n, { item }) => n + item.workshops.length, 0)
  const cards = workshopChapters.reduce((n, sheet) => n + sheet.cardCount, 0)
  // By id: the chapter's heading carries the workshop's subtitle too.
  const cardsOf = (w: Workshop) => workshopChapters.find((s) => s.table.id === workshopSheetId(w))?.cardCount ?? 0
  return {
    summary: PROGRAMME_DOC_WORDS.summary(workshops, phases.length, cards),
    methodIntro: PROGRAMME_DOC_WORDS.methodIntro(workshops, phases.length, workshopChapters.length > 0),
    method: phases.map(({ item, start, end }) => ({
      title: plainText(item.title),
      prompt: plainText([item.subtitle, PROGRAMME_DOC_WORDS.time(start, end)].filter(Boolean).join(', ')),
      // The agenda names rooms and speakers; here the workshops of each phase, with their cards where
      // any were written, and a workshop without a chapter says why it has none.
      columns: item.workshops.map((w) => plainText(PROGRAMME_DOC_WORDS.workshop(w)) + (workshopChapters.length > 0 && cardsOf(w) === 0 ? ` ${PROGRAMME_DOC_WORDS.noCards}` : '')),
      cardCount: workshopChapters.length > 0 ? item.workshops.reduce((n, w) => n + cardsOf(w), 0) : null,
    })),
  }
}
