import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { EventExport } from '@tischrunde/shared'
import { winnendenActorRecords, winnendenEvent } from '@tischrunde/fixtures'
import { renderEvent, renderZip } from '../export-service.js'
import { pdfText } from '../read-back.js'

const PERSON = 'Frau Müller, 0421 123456'

/** Winnenden with its actor map, the Jobcenter's contact person typed in by the facilitator. */
function winnendenWithAContact(): EventExport {
  const file = winnendenEvent()
  const actors = winnendenActorRecords(file).map((a) => (a.id === 'jobcenter' ? { ...a, person: PERSON, institution: 'Jobcenter Rems-Murr' } : a))
  expect(actors.some((a) => a.person === PERSON)).toBe(true)
  return { ...file, actors: { actors, rules: [], bodies: [], areas: [], columns: [] } }
}

describe("an actor's contact person (personal data for the facilitators)", () => {
  it('is in no file of the ZIP that is passed around, its JSON included; the console’s JSON backup keeps it', async () => {
    const file = winnendenWithAContact()
    const zip = unzipSync((await renderZip(file)).bytes)
    const names = Object.keys(zip)
    expect(names.some((n) => n.endsWith('.json'))).toBe(true)
    for (const name of names) {
      const bytes = zip[name]!
      const text = name.endsWith('.pdf') ? await pdfText(bytes) : name.endsWith('.docx') || name.endsWith('.xlsx') ? Object.values(unzipSync(bytes)).map(strFromU8).join('\n') : strFromU8(bytes)
      expect(text, name).not.toContain('Frau Müller')
    }
    // The institution stays: it is no personal data.
    expect(strFromU8(zip[names.find((n) => n.endsWith('.json'))!]!)).toContain('Jobcenter Rems-Murr')
    expect(strFromU8((await renderEvent(file, 'json')).bytes)).toContain(PERSON)
  }, 120_000)
})
