/**
 * File names of exports: readable, ASCII only, safe in a Content-Disposition header, a ZIP and any
 * file system, e.g. `Winnenden_2019-07-02_Arbeitsmarktintegration.pdf`.
 */

/** Longest name part taken from a title, in characters. Keeps whole names well under 255 bytes. */
export const FILE_NAME_PART_MAX = 60

const SPELLED: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'Ae', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'Oe', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', þ: 'th', Þ: 'Th' }

/**
 * Folds a title into one file-name part: umlauts spelled out (ä → ae), other accents dropped, every
 * run of anything but ASCII letters and digits (spaces, punctuation, path separators, control
 * characters) turned into one dash, cut at a word boundary to `max` characters. Never empty.
 *
 * @example fileNamePart('Frauen, Kinderbetreuung, Sprache') // → 'Frauen-Kinderbetreuung-Sprache'
 */
export function fileNamePart(title: string, max = FILE_NAME_PART_MAX, fallback = 'Export'): string {
  const folded = title
    .replace(/[äöüÄÖÜßẞæÆøØœŒłŁđĐþÞ]/g, (ch) => SPELLED[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (!folded) return fallback
  if (folded.length <= max) return folded
  const cut = folded.slice(0, max + 1)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : folded.slice(0, max)).replace(/-+$/, '')
}

/**
 * The event part of a name: its id, each word written as the event's title writes it (an id made
 * from "Bremen: Wie Zusammenarbeit in der Kommune gelingt" gives `Bremen-Wie-Zusammenarbeit-in-der`,
 * not `…-In-Der`); a word the title does not have is capitalised (`winnenden` → `Winnenden`).
 */
export function eventFileNamePart(eventId: string, title = ''): string {
  const spelling = new Map<string, string>()
  for (const word of fileNamePart(title, Number.MAX_SAFE_INTEGER, '').split('-')) if (word && !spelling.has(word.toLowerCase())) spelling.set(word.toLowerCase(), word)
  const words = fileNamePart(eventId, Number.MAX_SAFE_INTEGER, '')
    .split('-')
    .map((word) => spelling.get(word.toLowerCase()) ?? word.charAt(0).toUpperCase() + word.slice(1))
  return fileNamePart(words.join('-'), 40, 'Veranstaltung')
}

/**
 * `<Event>_<date>_<part>.<ext>`; without a part `<Event>_<date>.<ext>`. The date is used only
 * when it is an ISO date (it always is for a valid event). `fallback`: the part when `part` has
 * nothing a file name can keep (a table called "🌱🌍"): its place, e.g. `Thementisch-3`.
 */
export function exportFileName(event: { id: string; date: string; title?: string }, part: string | null, ext: string, fallback = 'Export'): string {
  const pieces = [eventFileNamePart(event.id, event.title)]
  if (/^\d{4}-\d{2}-\d{2}$/.test(event.date)) pieces.push(event.date)
  if (part !== null) pieces.push(fileNamePart(part, FILE_NAME_PART_MAX, fileNamePart(fallback)))
  return `${pieces.join('_')}.${ext.replace(/[^a-z0-9]/gi, '')}`
}

/**
 * Makes names unique within one archive by numbering repeats before the extension:
 * `A.pdf`, `A.pdf` → `A.pdf`, `A-2.pdf`. Two tables may fold to the same name.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>()
  return names.map((name) => {
    if (!taken.has(name)) {
      taken.add(name)
      return name
    }
    const dot = name.lastIndexOf('.')
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
    for (let n = 2; ; n++) {
      const candidate = `${stem}-${n}${ext}`
      if (!taken.has(candidate)) {
        taken.add(candidate)
        return candidate
      }
    }
  })
}
