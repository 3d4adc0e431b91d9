import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { bremenEvent } from '@tischrunde/fixtures'
import { type EventExport, type ExportTreeNode, eventExportSchema } from '@tischrunde/shared'
import { renderEvent, renderZip } from '../export-service.js'
import { type StructNode, docxParts, paragraphText, pdfText, readCsv, readPdfStructure, readingOrder, xml } from '../read-back.js'
import { importedTreeRecords } from './tree-import.js'
import { treePictures } from './tree-sheets.js'
import { wrapText } from './tree-svg.js'

const n = (id: string, kind: ExportTreeNode['kind'], parentId: string | null, text: string, extra: Partial<ExportTreeNode> = {}): ExportTreeNode => ({ id, kind, parentId, order: 0, text, ...extra })

/** Bremen with two groups' trees: a core problem, three causes, two effects, and the objective tree. */
function bremenWithTrees(): EventExport {
  const file = bremenEvent()
  const problem = (prefix: string) => [
    n(`${prefix}core001`, 'core', null, 'Zusammenarbeit mit Vereinen bleibt punktuell'),
    n(`${prefix}cause01`, 'cause', `${prefix}core001`, 'Keine festen Ansprechpersonen', { order: 0 }),
    n(`${prefix}cause02`, 'cause', `${prefix}cause01`, 'Ehrenamt wechselt oft', { order: 0 }),
    n(`${prefix}cause03`, 'cause', `${prefix}core001`, 'Förderung läuft nur ein Jahr', { order: 1 }),
    n(`${prefix}effect1`, 'effect', `${prefix}core001`, 'Angebote laufen doppelt', { order: 2 }),
    n(`${prefix}effect2`, 'effect', `${prefix}effect1`, 'Geflüchtete finden nichts', { order: 0 }),
  ]
  const objective = (prefix: string) => [
    n(`${prefix}core001`, 'goal', null, 'Zusammenarbeit mit Vereinen ist verlässlich', { answersProblemId: `${prefix}core001` }),
    n(`${prefix}cause01`, 'means', `${prefix}core001`, 'Feste Ansprechpersonen sind benannt', { answersProblemId: `${prefix}cause01`, inScope: true, measures: ['Liste im Intranet'], helpers: ['Integrationsbeauftragte', 'Landkreis, Sozialamt; Wohlfahrtsverbände'] }),
    n(`${prefix}cause03`, 'means', `${prefix}core001`, 'Förderung läuft nur ein Jahr', { answersProblemId: `${prefix}cause03`, placeholder: true, order: 1 }),
  ]
  return eventExportSchema.parse({
    ...file,
    trees: [
      { groupId: 'kleiner-landkreis', phase: 'problem', nodes: problem('k') },
      { groupId: 'kleiner-landkreis', phase: 'objective', nodes: objective('k') },
      { groupId: 'groessere-kreisfreie-stadt', phase: 'problem', nodes: problem('s') },
      { groupId: 'groessere-kreisfreie-stadt', phase: 'objective', nodes: [] },
    ],
  })
}

/** The images of a PDF, as `pdfimages -list` reports them (one line each). */
async function pdfImages(bytes: Uint8Array): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tischrunde-tree-'))
  try {
    const file = path.join(dir, 'in.pdf')
    await writeFile(file, bytes)
    const { stdout } = await promisify(execFile)('/usr/bin/pdfimages', ['-list', file])
    return stdout.split('\n').slice(2).filter((l) => l.trim().split(/\s+/)[2] === 'image')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

describe('the trees in the exports', () => {
  const file = bremenWithTrees()

  it('draws each tree as an SVG with the projector’s layout: causes below the core, effects above', () => {
    const pictures = treePictures(file)
    expect(pictures.map((p) => p.title)).toEqual([
      'Problembaum: kleiner Landkreis',
      'Lösungsbaum: kleiner Landkreis',
      'Problembaum: größere kreisfreie Stadt',
      'Lösungsbaum: größere kreisfreie Stadt',
    ])
    const svg = xml(pictures[0]!.svg)
    const yOf = (kind: string) => Array.from(svg.getElementsByTagName('g')).filter((g) => g.getAttribute('data-kind') === kind).map((g) => Number(/translate\(\S+ (\S+)\)/.exec(g.getAttribute('transform')!)![1]))
    const [core] = yOf('core')
    expect(yOf('cause').every((y) => y > core!)).toBe(true)
    expect(yOf('effect').every((y) => y < core!)).toBe(true)
    // The objective names the problem it answers.
    expect(pictures[1]!.svg).toContain('zu Ursache 1.1')
    // An objective still in the problem's words says so in the picture too, as on the projector and in the lists
    // (what it answers gives way where the line would be pressed past reading; the list below names it).
    expect(pictures[1]!.svg).toMatch(/1\.2 MITTEL · noch umzuformulieren/)
    expect(pictures[1]!.svg).not.toMatch(/1\.1 MITTEL[^<]*noch umzuformulieren/)
  })

  it('leaves out what an objective answers (and "im Rahmen") when its box cannot hold the whole kind line, and keeps "noch umzuformulieren"', () => {
    const file = bremenWithTrees()
    const deep = file.trees!.map((t) => (t.phase === 'objective' ? { ...t, nodes: t.nodes.map((node) => (node.kind === 'means' && node.placeholder ? { ...node, inScope: true } : node)) } : t))
    const svg = treePictures({ ...file, trees: deep })[1]!.svg
    // "im Rahmen" goes too: the box's dashed blue border says it.
    expect(svg).toMatch(/>1\.2 MITTEL · noch umzuformulieren</)
    expect(svg).toContain('stroke-dasharray')
  })

  it('puts both trees of every group into the PDF as pictures and as numbered lists; an empty tree as one line, without a picture', async () => {
    const out = await renderEvent(file, 'pdf')
    expect((await pdfImages(out.bytes)).length).toBe(3)
    const text = (await pdfText(out.bytes)).replace(/\s+/g, ' ')
    expect(text.split('Diese Gruppe hat keinen Lösungsbaum angelegt.').length - 1).toBe(1)
    expect(text).not.toContain('Noch keine Einträge')
    expect(text).toContain('Gruppe: kleiner Landkreis')
    expect(text).toContain('Gruppe: größere kreisfreie Stadt')
    expect(text).toContain('1.1.1 Ursache: Ehrenamt wechselt oft')
    expect(text).toContain('1.1 Mittel: Feste Ansprechpersonen sind benannt (beantwortet Ursache 1.1: Keine festen Ansprechpersonen) [im Rahmen]')
    // Each measure and helper its own item, under its list's title: an entry may hold a comma or a semicolon.
    expect(text).toContain('– Maßnahmen: – Liste im Intranet – Wer kann helfen? – Integrationsbeauftragte – Landkreis, Sozialamt; Wohlfahrtsverbände 1.2 Mittel')
    // An objective still in the problem's words is marked, as the console marks it.
    expect(text).toContain('1.2 Mittel: Förderung läuft nur ein Jahr (beantwortet Ursache 1.2) [noch umzuformulieren]')
  })

  it('tags the trees chapter like the tables: headings, each picture a Figure with alt text, the tree as nested lists', async () => {
    const structure = await readPdfStructure((await renderEvent(file, 'pdf')).bytes)
    const order = structure.pages.flatMap(readingOrder)
    const from = order.indexOf('H1: ProblemundLösungsbäume')
    expect(from, order.filter((e) => e.startsWith('H')).join('\n')).toBeGreaterThan(-1)
    const chapter = order.slice(from)
    expect(chapter.filter((e) => e.startsWith('H2:'))).toEqual(['H2: Gruppe:kleinerLandkreis', 'H2: Gruppe:größerekreisfreieStadt'])
    expect(chapter.filter((e) => e.startsWith('Figure:'))).toEqual([
      'Figure: Problembaum: kleiner Landkreis (Bild des Baums; sein Inhalt folgt als Liste)',
      'Figure: Lösungsbaum: kleiner Landkreis (Bild des Baums; sein Inhalt folgt als Liste)',
      'Figure: Problembaum: größere kreisfreie Stadt (Bild des Baums; sein Inhalt folgt als Liste)',
    ])
    // "1.1.1 Ursache: Ehrenamt wechselt oft" sits in a list inside the item of "1.1", inside the core's list.
    const path = (node: StructNode, text: string, trail: string[] = []): string[] | null => {
      if (node.text.replace(/\s+/g, '').startsWith(text)) return [...trail, node.role]
      for (const child of node.children) {
        const found = path(child, text, [...trail, node.role])
        if (found) return found
      }
      return null
    }
    const trail = structure.pages.map((p) => path(p, '1.1.1Ursache:Ehrenamt')).find(Boolean)!
    expect(trail.join('>')).toMatch(/L>LI>LBody>L>LI>LBody>L>LI>LBody>P$/)
    // Nothing of the chapter is left untagged: its list lines are all read.
    expect(chapter).toContain('P: 1.1.1Ursache:Ehrenamtwechseltoft')
  })

  it('puts the same pictures and lists into the DOCX', async () => {
    const out = await renderEvent(file, 'docx')
    const parts = docxParts(out.bytes)
    // Three trees hold entries: three pictures (two alike, now without a title of their own, share one file).
    expect(parts['word/document.xml']!.match(/<w:drawing>/g)).toHaveLength(3)
    expect(Object.keys(unzipSync(out.bytes)).filter((name) => name.startsWith('word/media/') && name.endsWith('.png')).length).toBeGreaterThanOrEqual(2)
    const paragraphs = Array.from(xml(parts['word/document.xml']!).getElementsByTagName('w:p')).map(paragraphText)
    expect(paragraphs).toContain('1.1 Folge: Angebote laufen doppelt')
    expect(paragraphs).toContain('1.1 Mittel: Feste Ansprechpersonen sind benannt (beantwortet Ursache 1.1: Keine festen Ansprechpersonen) [im Rahmen]')
    expect(paragraphs).toContain('Gruppe: größere kreisfreie Stadt')
    expect(paragraphs).toContain('1.2 Mittel: Förderung läuft nur ein Jahr (beantwortet Ursache 1.2) [noch umzuformulieren]')
  })

  it('writes the trees as CSV with a parent column, and as SVG and PNG pictures in the ZIP', async () => {
    const csv = readCsv((await renderEvent(file, 'csv')).bytes)
    expect(csv[0]).toEqual(['Gruppe', 'Baum', 'Nummer', 'Art', 'Text', 'Übergeordnet', 'Beantwortet Problem', 'Noch umzuformulieren', 'Im Rahmen', 'Maßnahmen', 'Wer kann helfen?'])
    expect(csv).toContainEqual(['kleiner Landkreis', 'Problembaum', 'Ursache 1.1.1', 'Ursache', 'Ehrenamt wechselt oft', 'Ursache 1.1', '', '', '', '', ''])
    expect(csv).toContainEqual(['kleiner Landkreis', 'Lösungsbaum', 'Mittel 1.1', 'Mittel', 'Feste Ansprechpersonen sind benannt', 'Ziel 1', 'Ursache 1.1: Keine festen Ansprechpersonen', '', 'ja', 'Liste im Intranet', 'Integrationsbeauftragte\nLandkreis, Sozialamt; Wohlfahrtsverbände'])
    // The Markdown documentation lists each entry as an item of its own below its list's title.
    const md = strFromU8((await renderEvent(file, 'md')).bytes)
    expect(md).toContain(['  - 1.1 Mittel: Feste Ansprechpersonen sind benannt', '    - Maßnahmen:', '      - Liste im Intranet', '    - Wer kann helfen?', '      - Integrationsbeauftragte', '      - Landkreis, Sozialamt; Wohlfahrtsverbände'].join('\n').replace('benannt', 'benannt (beantwortet Ursache 1.1: Keine festen Ansprechpersonen) \\[im Rahmen\\]'))
    // An objective still in the problem's words says so in its own column.
    expect(csv).toContainEqual(['kleiner Landkreis', 'Lösungsbaum', 'Mittel 1.2', 'Mittel', 'Förderung läuft nur ein Jahr', 'Ziel 1', 'Ursache 1.2: Förderung läuft nur ein Jahr', 'ja', '', '', ''])
    const zip = unzipSync((await renderZip(file)).bytes)
    const trees = Object.keys(zip).filter((name) => name.startsWith('Baeume/'))
    expect(trees.filter((name) => name.endsWith('.svg'))).toHaveLength(4)
    expect(trees.filter((name) => name.endsWith('.png'))).toHaveLength(4)
    const png = zip[trees.find((name) => name.endsWith('.png'))!]!
    expect(Array.from(png.slice(1, 4))).toEqual([0x50, 0x4e, 0x47]) // "PNG"
    expect(strFromU8(zip[trees.find((name) => name.endsWith('.svg'))!]!)).toContain('<svg')
  })

  it('names the pictures of a group called with emoji only by its place, not by the tree alone', async () => {
    const method = file.event.treeMethod!
    const named = {
      ...file,
      event: { ...file.event, treeMethod: { ...method, values: method.values.map((v) => (v === 'kleiner Landkreis' ? '🌳' : v)) } },
      trees: file.trees!.map((t) => (t.groupId === 'kleiner-landkreis' ? { ...t, groupId: 'x' } : t)),
    }
    const svgs = Object.keys(unzipSync((await renderZip(named)).bytes)).filter((name) => name.startsWith('Baeume/') && name.endsWith('.svg'))
    expect(svgs.map((name) => name.replace(/^.*\d{4}-\d{2}-\d{2}_/, '')).filter((name) => name.startsWith('Gruppe-')).sort()).toEqual(['Gruppe-1-Loesungsbaum.svg', 'Gruppe-1-Problembaum.svg'])
  })

  it('reads the trees back from the JSON export, and leaves out a hand-edited tree that breaks the rules', async () => {
    const json = JSON.parse(strFromU8((await renderEvent(file, 'json')).bytes)) as unknown
    const back = eventExportSchema.parse(json)
    expect(importedTreeRecords(back, 0, 1)?.nodes.map((x) => x.text)).toContain('Ehrenamt wechselt oft')
    const broken = eventExportSchema.parse({ ...back, trees: [{ groupId: 'kleiner-landkreis', phase: 'problem', nodes: [n('kcause01', 'cause', 'kcause02', 'a'), n('kcause02', 'cause', 'kcause01', 'b')] }] })
    expect(importedTreeRecords(broken, 0, 1)).toBeNull()
  })
})

describe('a tree picture’s lines', () => {
  it('split a word too long for its box at a syllable, never leaving a stub of one letter', () => {
    const lines = wrapText('Hohe Personalfluktuation; befristete Stellen', 18, 6)
    expect(lines.every((l) => l.length <= 18)).toBe(true)
    expect(lines.join(' ')).not.toMatch(/-\s\S{1,2}(\s|$)/)
    expect(lines.join('').replace(/-(?=\S)/g, '')).toContain('Personalfluktuation;')
    expect(wrapText('Quartiers-/Stadtentwicklungskonzept', 16, 4)[0]).toBe('Quartiers-/')
  })
})
