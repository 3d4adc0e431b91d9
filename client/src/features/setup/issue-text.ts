import { fieldIssueOf } from '@tischrunde/shared'
import { fieldIssueText } from '../../i18n/error-text.js'
import type { Translate as TFunction } from '../../i18n/index.js'
import type { SetupIssue } from './issues-by-field.js'

/** Which "please fill in" wording belongs to a required text, by path shape (indices left out). */
const REQUIRED: Record<string, string> = {
  title: 'eventTitle',
  'agenda.title': 'agendaTitle',
  'tables.name': 'tableName',
  'template.stations.title': 'stationTitle',
  'template.stations.columns.title': 'columnTitle',
}

/**
 * Wording for one issue of the setup schema in the current language: the setup's own wording for
 * its known cases, else the general wording of the issue (i18n/error-text.ts), never zod's text.
 */
export function issueText(issue: SetupIssue, t: TFunction): string {
  const shape = issue.path.filter((p) => typeof p !== 'number').map(String).join('.')
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && REQUIRED[shape]) return t(`setup.errors.required.${REQUIRED[shape]}`)
      if (shape === 'template.stations.columns') return t('setup.errors.minColumns')
      if (shape === 'template.stations') return t('setup.errors.minStations')
      break
    case 'too_big':
      if (issue.origin === 'string') return t('setup.errors.tooLong', { max: Number(issue.maximum) })
      if (issue.origin === 'array') return t('setup.errors.tooMany', { max: Number(issue.maximum) })
      break
    case 'invalid_format':
      if (shape === 'date') return t('setup.errors.date')
      if (shape === 'agenda.time') return t('setup.errors.time')
      break
    case 'invalid_type':
      return t('setup.errors.invalid')
  }
  return fieldIssueText(t, fieldIssueOf(issue))
}
