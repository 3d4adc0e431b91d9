import { describe, expect, it } from 'vitest'
import { eventSetupSchema } from '@tischrunde/shared'
import { anEvent } from '../../../../fixtures/src/builders.js'
import '../../i18n/console-wording.js'
import { translate } from '../../i18n/index.js'
import { issueText } from './issue-text.js'
import { fieldKeyFor, issuesByField, knownFieldKeys } from './issues-by-field.js'
import { setupOf } from './setup-draft.js'

/** German wording of an issue, as the setup form shows it. */
const german = (issue: Parameters<typeof issueText>[0]) => issueText(issue, (key, params) => translate('de', key, params))
const known = knownFieldKeys(setupOf(anEvent({ agenda: [{ time: '10:00', title: 'Begrüßung', detail: '' }] })))

describe('fieldKeyFor', () => {
  it.each([
    // path, field that shows it
    [['tables', 2, 'name'], 'tables.2.name'],
    [['tables', 2, 'id'], 'tables.2.name'],
    [['template', 'stations', 1, 'columns', 0, 'id'], 'template.stations.1.columns.0.title'],
    [['template', 'stations', 0, 'columns'], 'template.stations.0.columns'],
    [['template', 'stations', 0, 'id'], 'template.stations.0.title'],
    [['template', 'method'], 'template'],
    [['template'], 'template'],
    [['agenda', 0, 'time'], 'agenda.0.time'],
    [['tables', 7, 'name'], 'tables'],
    [['id'], ''],
    [[], ''],
  ])('shows a problem at %j at %j', (path, key) => {
    expect(fieldKeyFor(path, known)).toBe(key)
  })
})

describe('issuesByField', () => {
  it('puts each schema message at the field of its path, first message per field', () => {
    const setup = setupOf(anEvent())
    const bad = { ...setup, title: ' ', tables: setup.tables.map((x, i) => (i === 2 ? { ...x, name: '' } : x)) }
    const parsed = eventSetupSchema.safeParse(bad)
    if (parsed.success) throw new Error('expected the setup to be invalid')
    expect(issuesByField(parsed.error, german)).toEqual({
      title: 'Bitte einen Titel angeben.',
      'tables.2.name': 'Bitte einen Namen für den Thementisch angeben.',
    })
  })

  it('sends a duplicate table id to the name field it was made from', () => {
    const setup = setupOf(anEvent())
    const parsed = eventSetupSchema.safeParse({ ...setup, tables: [...setup.tables, { id: 'tisch-1', name: 'Noch einer', host: '' }] })
    if (parsed.success) throw new Error('expected the setup to be invalid')
    expect(issuesByField(parsed.error, german, knownFieldKeys(setup))).toEqual({ tables: '„tisch-1“ kommt doppelt vor.' })
    expect(issuesByField(parsed.error, german, knownFieldKeys({ ...setup, tables: [...setup.tables, { id: 'tisch-1', name: '', host: '' }] }))).toEqual({
      'tables.3.name': '„tisch-1“ kommt doppelt vor.',
    })
  })
})
