import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { personalDataFields } from '@tischrunde/shared'

describe('the README’s data-protection section (for a Datenschutzbeauftragte)', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const section = readme.slice(readme.indexOf('## Data protection'), readme.indexOf('\n## ', readme.indexOf('## Data protection') + 3))

  it('names every field the app records as personal data', () => {
    expect(section.length).toBeGreaterThan(500)
    for (const field of personalDataFields()) expect(section, field.id).toContain(`\`${field.id}\``)
  })

  it('answers what, why, where, how long, who and how to delete', () => {
    for (const heading of ['What is stored, and why', 'Where.', 'How long.', 'Who can see it.', 'How to delete.']) expect(section).toContain(heading)
  })
})
