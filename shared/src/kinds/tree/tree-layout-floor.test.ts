import { describe, expect, it } from 'vitest'
import { readTreeRecords } from './read-tree.js'
import { BOX, type TreeLayout, fitsAt, layoutTree, layoutTreeToFit, shownAtFloor } from './tree-layout.js'
import { node } from './tree-test-nodes.js'

/** Texts of about 80 characters: three lines in a box 360 units wide at 18 units. */
const THREE_LINES = 'Netzwerkarbeit hat keine feste Zeit und kein Personal in den Verwaltungen vor Ort'
const todo = { placeholder: true }

/** The solution tree of a walk of the Bremen day: 15 entries with long German texts, most still in the problem's words. */
const walked = readTreeRecords([
  node('goal', 'goal', null, { text: 'Externe Akteure sind frühzeitig und verbindlich in die Bildungskoordinierung eingebunden' }),
  node('e1', 'end', 'goal', { order: 0, text: 'Doppelstrukturen bei Sprachkursangeboten', ...todo }),
  node('e11', 'end', 'e1', { text: 'Mittel werden ineffizient eingesetzt', ...todo }),
  node('e2', 'end', 'goal', { order: 1, text: 'Ehrenamtliche fühlen sich nicht wertgeschätzt und steigen aus', ...todo }),
  node('e21', 'end', 'e2', { text: 'Vertrauen in die Verwaltung sinkt', ...todo }),
  node('m1', 'means', 'goal', { order: 2, text: 'Netzwerkarbeit hat feste Zeit und Personal', measures: ['Stelle schaffen', 'Budget'], helpers: ['Landrat', 'Kreistag'] }),
  node('m11', 'means', 'm1', { order: 0, text: 'Stellen sind befristet (Förderprogramm 2–4 Jahre)', ...todo }),
  node('m12', 'means', 'm1', { order: 1, text: 'Netzwerkarbeit gilt nicht als Kernaufgabe', ...todo }),
  node('m2', 'means', 'goal', { order: 3, text: 'Zuständigkeiten zwischen Kreis und Gemeinden sind geklärt', measures: ['Kooperationsvertrag'], helpers: ['Gemeinden', 'Land'] }),
  node('m21', 'means', 'm2', { order: 0, text: 'Kreisangehörige Gemeinden haben eigene Integrationsbeauftragte', ...todo }),
  node('m22', 'means', 'm2', { order: 1, text: 'Keine gemeinsame Datenbasis', ...todo }),
  node('m3', 'means', 'goal', { order: 4, text: 'Fehlender politischer Rückhalt durch die Verwaltungsspitze', ...todo }),
  node('m31', 'means', 'm3', { text: 'Bürgermeister sehen keinen Mehrwert', ...todo }),
  node('m4', 'means', 'goal', { order: 5, text: 'Akteure kennen sich gegenseitig nicht (keine Netzwerkanalyse)', ...todo, measures: ['Netzwerkkarte'] }),
  node('m41', 'means', 'm4', { text: `Die Sprachstandsfeststellung wurde abgeschafft, daher fehlen Daten über Bedarfslagen in Kita und Grundschule, und ohne Daten lässt sich die Politik nicht überzeugen, Ressourcen bereitzustellen`, ...todo }),
])

/** The screen's scale of a layout filling `area` with a margin of 24 units (as the projector draws it). */
const scaleIn = (l: TreeLayout, area: { width: number; height: number }) => Math.min(area.width / (l.bounds.maxX - l.bounds.minX + 48), area.height / (l.bounds.maxY - l.bounds.minY + 48))
/** Entries (estimated) whose text ends in "…" at 18 px, kind lines and marks at 16 px. */
const cutIn = (l: TreeLayout, area: { width: number; height: number }) => l.nodes.filter((p) => !fitsAt(p.node, p.width, l.boxHeight, 18 / scaleIn(l, area), 16 / scaleIn(l, area))).length

describe('the projector on a low screen: texts at its smallest size', () => {
  // Three entries of three lines each, in a row of boxes 360 units wide, texts at 18 units, kind lines at 16.
  const row = readTreeRecords([0, 1, 2].map((i) => node(`c${i}`, 'cause', null, { order: i, text: THREE_LINES })))
  it.each([
    // box height, share shown: whole entries and lines count half each
    [100, 1], // all three whole
    [80, (0 + 2 / 3) / 2], // each cut a line short: none whole, two of three lines
    [60, (0 + 1 / 3) / 2], // one line of three
  ])('boxes %i units high show %f of the entries', (height, shown) => {
    expect(shownAtFloor(layoutTree(row, 'problem', 1, height, 360), 18, 16)).toBeCloseTo(shown, 5)
  })

  it('scores two entries whole and one cut above three each cut a line short', () => {
    const mixed = readTreeRecords([...[0, 1].map((i) => node(`s${i}`, 'cause', null, { order: i, text: 'Keine gemeinsame Datenbasis' })), node('l', 'cause', null, { order: 2, text: THREE_LINES.repeat(2) })])
    expect(shownAtFloor(layoutTree(mixed, 'problem', 1, 80, 360), 18, 16)).toBeGreaterThan(shownAtFloor(layoutTree(row, 'problem', 1, 80, 360), 18, 16))
  })

  it('keeps the kind line at its own floor, which takes its room from the text', () => {
    const entry = node('c', 'cause', null, { text: THREE_LINES })
    expect(fitsAt(entry, 360, 92, 18)).toBe(true) // kind line at 0.8 of 18
    expect(fitsAt(entry, 360, 92, 18, 16)).toBe(false)
  })

  it('moves a cut entry’s marks beside its kind line: the text gets their line', () => {
    const entry = node('c', 'cause', null, { text: THREE_LINES, ...todo })
    expect(fitsAt(entry, 360, 95, 18, 16)).toBe(true)
    expect(fitsAt(entry, 360, 90, 18, 16)).toBe(false)
  })

  it('on a 1280×720 projector with its controls shows all but the longest of 15 long entries whole, rows 10 px apart or more', () => {
    const area = { width: 1256, height: 557 }
    const l = layoutTreeToFit(walked, 'objective', area, 24, 18, 16)
    expect(cutIn(l, area)).toBeLessThanOrEqual(1)
    expect(l.gapY * scaleIn(l, area)).toBeGreaterThanOrEqual(9.99)
    // The pictures' own layout (stacked boxes at their gaps) cut nearly all of them.
    expect(cutIn(layoutTree(walked, 'objective'), area)).toBeGreaterThanOrEqual(12)
  })

  it('keeps the pictures’ gaps between rows where the texts stand above the smallest size', () => {
    expect(layoutTreeToFit(walked, 'objective', { width: 1888, height: 900 }).gapY).toBe(BOX.gapY)
    expect(layoutTreeToFit(walked, 'objective', { width: 1888, height: 1400 }, 24, 20, 16).gapY).toBe(BOX.gapY)
  })
})
