import type { EventSetup } from '@tischrunde/shared'
import type { z } from 'zod'

/** A zod issue as the setup schema reports it. */
export type SetupIssue = z.core.$ZodIssue

/** Messages by field key ('title', 'tables.2.name', 'template'); '' holds what belongs to no field. */
export type FieldErrors = Record<string, string>

/** The key of a field: its schema path joined with dots, e.g. ['tables', 2, 'name'] → 'tables.2.name'. */
export function fieldKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.')
}

/**
 * Every key the editor shows an input or a group message for. Group keys ('agenda', 'tables', 'template',
 * 'template.stations', 'template.stations.0.columns') catch issues about a whole list.
 */
export function knownFieldKeys(setup: EventSetup): Set<string> {
  const keys = ['title', 'date', 'place', 'agenda', 'tables', 'template', 'template.stations']
  setup.agenda.forEach((_, i) => keys.push(`agenda.${i}.time`, `agenda.${i}.title`, `agenda.${i}.detail`))
  setup.tables.forEach((_, i) => keys.push(`tables.${i}.name`, `tables.${i}.host`))
  setup.tables.forEach((t, i) => t.columnHeadings?.forEach((_, k) => keys.push(`tables.${i}.columnHeadings.${k}.title`)))
  setup.template.stations.forEach((s, i) => {
    keys.push(`template.stations.${i}.title`, `template.stations.${i}.prompt`, `template.stations.${i}.columns`)
    s.columns.forEach((_, j) => keys.push(`template.stations.${i}.columns.${j}.title`))
  })
  return new Set(keys)
}

/**
 * The field that shows a problem at `path`: the field itself, for a row's id the name or title it is
 * made from, else the nearest list around it; '' when nothing on screen matches (shown at the top).
 */
export function fieldKeyFor(path: readonly PropertyKey[], known: ReadonlySet<string>): string {
  const parts = path.map(String)
  // A row's id is made from its name or title; the event's own id (path ['id']) is not editable here.
  if (parts.length > 1 && parts.at(-1) === 'id') {
    for (const sibling of ['name', 'title']) {
      const key = [...parts.slice(0, -1), sibling].join('.')
      if (known.has(key)) return key
    }
  }
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.')
    if (known.has(key)) return key
  }
  return ''
}

/**
 * Groups the issues of a failed parse by field, first issue per field. `describe` turns an issue into
 * wording (issue-text.ts; never the schema's own message); with `known`, each issue goes to the field that shows it.
 */
export function issuesByField(
  error: { readonly issues: readonly SetupIssue[] },
  describe: (issue: SetupIssue) => string,
  known?: ReadonlySet<string>,
): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const key = known ? fieldKeyFor(issue.path, known) : fieldKey(issue.path)
    if (!(key in out)) out[key] = describe(issue)
  }
  return out
}
