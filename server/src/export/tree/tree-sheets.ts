import { stringify } from 'csv-stringify/sync'
import { HeadingLevel, ImageRun, Paragraph, TextRun, type FileChild } from 'docx'
import { type EventExport, type ExportedGroupTrees, FILE_NAME_PART_MAX, TREE_SHEET_WORDS, type TreePhase, exportFileName, fileNamePart, exportedGroupTrees, neutraliseCell, problemLabel, treeListLines } from '@tischrunde/shared'
import { COLOR, CONTENT_BOTTOM, CONTENT_WIDTH, MARGIN, type PdfLayout } from '../pdf-layout.js'
import { svgToPng } from './tree-png.js'
import { treeToSvg } from './tree-svg.js'

const PHASES: readonly TreePhase[] = ['problem', 'objective']

/** One tree of one group as a picture: its SVG (as the projector lays it out) and size. */
export interface TreePicture {
  group: ExportedGroupTrees
  phase: TreePhase
  title: string
  svg: string
  width: number
  height: number
}

/**
 * Every tree of an export as a picture, group by group, problem tree first. Groups whose trees are
 * both empty (nobody picked that value) are left out of the documents.
 */
/** The groups whose trees hold anything: only they are drawn. */
const usedGroups = (file: EventExport) => exportedGroupTrees(file.event.treeMethod, file.trees ?? []).filter((g) => g.problem.byId.size + g.objective.byId.size > 0)

/** Whether the documentation has a chapter of trees (its title is then listed in the contents). */
export const hasTreeChapter = (file: EventExport): boolean => usedGroups(file).length > 0

/**
 * `heading`: whether each picture draws its title (the files of the ZIP); the PDF and the DOCX say
 * it in their own headings right above (the picture repeated "Problembaum: …" under "Problembaum").
 */
export function treePictures(file: EventExport, { heading = true }: { heading?: boolean } = {}): TreePicture[] {
  const used = usedGroups(file)
  return used.flatMap((group) =>
    PHASES.map((phase) => {
      const title = `${TREE_SHEET_WORDS[phase]}: ${group.name}`
      const numbers = new Map([...group.problemNumbers].map(([id, item]) => [id, problemLabel(item)]))
      return { group, phase, title, ...treeToSvg(group[phase], phase, title, numbers, { heading }) }
    }),
  )
}

/** One group's tree as a picture, or null when the event has no such group. */
export function treePicture(file: EventExport, groupId: string, phase: TreePhase): TreePicture | null {
  const group = exportedGroupTrees(file.event.treeMethod, file.trees ?? []).find((g) => g.groupId === groupId)
  if (!group) return null
  const title = `${TREE_SHEET_WORDS[phase]}: ${group.name}`
  const numbers = new Map([...group.problemNumbers].map(([id, item]) => [id, problemLabel(item)]))
  return { group, phase, title, ...treeToSvg(group[phase], phase, title, numbers) }
}

/** The file name of a tree picture: `<event>_<date>_<group>_Problembaum.svg`. */
export function treePictureName(file: EventExport, picture: TreePicture, ext: 'svg' | 'png'): string {
  // A group named with emoji only is named by its place ("Gruppe-2"), so its pictures stay apart.
  const place = exportedGroupTrees(file.event.treeMethod, file.trees ?? []).findIndex((g) => g.groupId === picture.group.groupId) + 1
  return exportFileName(file.event, `${fileNamePart(picture.group.name, FILE_NAME_PART_MAX, `${TREE_SHEET_WORDS.group}-${place}`)}_${TREE_SHEET_WORDS[picture.phase]}`, ext)
}

/** The trees' table columns and their widths in the workbook (characters), kept together so they cannot drift apart. */
const TREE_SHEET_COLUMNS = [
  ['Gruppe', 26],
  ['Baum', 12],
  ['Nummer', 9],
  ['Art', 12],
  ['Text', 60],
  ['Übergeordnet', 13],
  ['Beantwortet Problem', 45],
  ['Noch umzuformulieren', 12],
  ['Im Rahmen', 10],
  ['Maßnahmen', 40],
  ['Wer kann helfen?', 40],
] as const
export const TREE_SHEET_HEADER = TREE_SHEET_COLUMNS.map(([header]) => header)
export const TREE_SHEET_WIDTHS = TREE_SHEET_COLUMNS.map(([, width]) => width)

/**
 * Every tree as rows (without the header), group by group, problem tree first: one row per node with
 * its number and its parent's kind and number (the "Übergeordnet" column, "Ursache 1.1"), the problem an objective answers,
 * whether it is still in the problem's words, in scope, measures and helpers; the columns of
 * `TREE_SHEET_HEADER`.
 */
export function treeSheetRows(file: EventExport): string[][] {
  const rows: string[][] = []
  for (const group of exportedGroupTrees(file.event.treeMethod, file.trees ?? [])) {
    for (const phase of PHASES) {
      const view = group[phase]
      const numberOf = new Map<string, string>()
      const items = [...(view.core ? [view.core] : []), ...view.loose]
      const walk = (item: (typeof items)[number], parent: string) => {
        numberOf.set(item.node.id, item.number)
        const n = item.node
        const answered = n.answersProblemId ? group.problemNumbers.get(n.answersProblemId) : undefined
        rows.push([
          group.name,
          TREE_SHEET_WORDS[phase],
          // With its kind, as "Übergeordnet" names it: a bare "1.1.1" is a date to a German spreadsheet.
          `${TREE_SHEET_WORDS.kinds[n.kind]} ${item.number}`,
          TREE_SHEET_WORDS.kinds[n.kind],
          n.text,
          parent,
          answered ? `${problemLabel(answered)}: ${answered.node.text}` : '',
          n.placeholder ? 'ja' : '',
          n.inScope ? 'ja' : '',
          // One entry per line inside the cell: an entry may itself hold a comma or a semicolon.
          (n.measures ?? []).join('\n'),
          (n.helpers ?? []).join('\n'),
        ])
        // Kind and number: a tree numbers its causes and its effects each from 1.1, so "1.1" alone names two entries.
        item.children.forEach((child) => walk(child, `${TREE_SHEET_WORDS.kinds[n.kind]} ${item.number}`))
      }
      items.forEach((item) => walk(item, ''))
    }
  }
  return rows
}

/** Every tree as CSV (semicolons, UTF-8 with BOM, as the other sheets); cells neutralised against spreadsheet formulas. */
export function treesCsv(file: EventExport): Uint8Array {
  const rows = [[...TREE_SHEET_HEADER], ...treeSheetRows(file)]
  const text = stringify(rows.map((r) => r.map(neutraliseCell)), { bom: true, delimiter: ';', record_delimiter: 'windows', quoted_match: /[\r\n]/ })
  return new TextEncoder().encode(text)
}

/** The ZIP's folder of tree files. */
export const TREES_FOLDER = 'Baeume'

/**
 * The tree files of the ZIP: every tree as SVG and PNG, and all trees as one CSV (`withCsv`: not
 * when the event's own CSV is that already). Empty without trees.
 */
export function treeZipEntries(file: EventExport, withCsv = true): [string, Uint8Array][] {
  const pictures = treePictures(file)
  if (pictures.length === 0) return []
  const folder = TREES_FOLDER
  const entries: [string, Uint8Array][] = withCsv ? [[`${folder}/${exportFileName(file.event, 'Baeume', 'csv')}`, treesCsv(file)]] : []
  for (const p of pictures) {
    entries.push([`${folder}/${treePictureName(file, p, 'svg')}`, new TextEncoder().encode(p.svg)])
    entries.push([`${folder}/${treePictureName(file, p, 'png')}`, svgToPng(p.svg, p.width, p.height)])
  }
  return entries
}

/**
 * Tallest picture on a PDF page, in points: with the chapter's, its group's and tree's headings it fills a page (a
 * tall tree drawn smaller set its cards at 6 pt); the list of its entries follows.
 */
const PDF_PICTURE_MAX_HEIGHT = 560
/**
 * Largest scale of a picture in the PDF (points per unit of the picture): its text (17 units) at
 * about 10 pt, as the list under it. A small tree was blown up to the page's width, its entries at 26 pt.
 */
export const PDF_PICTURE_MAX_SCALE = 0.6
/** A picture's scale in the PDF: the page's width and PDF_PICTURE_MAX_HEIGHT at most, never above PDF_PICTURE_MAX_SCALE. */
export const pdfPictureScale = (p: Pick<TreePicture, 'width' | 'height'>): number => Math.min(CONTENT_WIDTH / p.width, PDF_PICTURE_MAX_HEIGHT / p.height, PDF_PICTURE_MAX_SCALE)
/** The same in the DOCX (pixels per unit, at 96 dpi: 10 pt are 13.3 px). */
const DOCX_PICTURE_MAX_SCALE = 0.8
/** Room a group's heading, a tree's heading and a line of text take in the PDF, in points. */
const HEADING_ROOM = { group: 30, tree: 22, line: 30 } as const

/**
 * The trees chapter of the PDF documentation: per group and tree the picture (as the projector
 * draws it) and the nested numbered list, each objective beside the problem it answers.
 */
export function drawTreesPdf(pdf: PdfLayout, file: EventExport): void {
  const pictures = treePictures(file, { heading: false })
  if (pictures.length === 0) return
  const doc = pdf.doc
  pdf.enter(undefined)
  pdf.newPage()
  pdf.startChapter(TREE_SHEET_WORDS.chapter)
  doc.outline.addItem(TREE_SHEET_WORDS.chapter)
  // Tagged like the tables' chapters: headings, each picture a Figure with its alternative text, the
  // tree as nested lists (a screen reader reads the list; the picture shows the same).
  const chapter = pdf.struct('Sect')
  pdf.flow(pdf.block(TREE_SHEET_WORDS.chapter, { font: 'bold', size: 20, color: COLOR.brand, indent: 0, width: CONTENT_WIDTH, gapAfter: 12, tags: pdf.tag('H1', chapter) }))
  let group: PDFKit.PDFStructureElement = chapter
  for (const p of pictures) {
    // An empty tree says so in a line, without a picture that says the same.
    const empty = p.group[p.phase].byId.size === 0
    const scale = pdfPictureScale(p)
    const height = empty ? 0 : p.height * scale
    // The headings stay with what follows them: never alone at the foot of a page.
    pdf.ensure((p.phase === 'problem' ? HEADING_ROOM.group : 0) + HEADING_ROOM.tree + (empty ? HEADING_ROOM.line : height + 8))
    if (p.phase === 'problem') {
      group = pdf.struct('Sect', chapter)
      pdf.flow(pdf.block(`${TREE_SHEET_WORDS.group}: ${p.group.name}`, { font: 'bold', size: 15, color: COLOR.brand, indent: 0, width: CONTENT_WIDTH, gapAfter: 8, tags: pdf.tag('H2', group) }))
    }
    const part = pdf.struct('Sect', group)
    pdf.flow(pdf.block(TREE_SHEET_WORDS[p.phase], { font: 'bold', size: 12, color: COLOR.ink, indent: 0, width: CONTENT_WIDTH, gapAfter: 6, tags: pdf.tag('H3', part) }))
    if (!empty) {
      pdf.ensure(height + 8)
      const figure = doc.struct('Figure', { alt: treePictureAlt(p) })
      part.add(figure)
      const content = doc.markStructureContent('Figure', { bbox: [MARGIN.left, pdf.y, MARGIN.left + p.width * scale, pdf.y + height] } as PDFKit.Mixins.MarkingOptions)
      doc.image(Buffer.from(svgToPng(p.svg, p.width, p.height)), MARGIN.left, pdf.y, { width: p.width * scale, height })
      doc.endMarkedContent()
      figure.add(content)
      pdf.y += height + 8
    }
    const lines = treeListLines(p.group[p.phase], p.group.problemNumbers)
    if (lines.length === 0) pdf.flow(pdf.block(TREE_SHEET_WORDS.empty[p.phase], { font: 'regular', size: 10, color: COLOR.muted, indent: 0, width: CONTENT_WIDTH, gapAfter: 8, tags: pdf.tag('P', part) }))
    // Nested lists: a line one level deeper opens a list inside the item above it.
    const lists: PDFKit.PDFStructureElement[] = []
    let lastBody: PDFKit.PDFStructureElement | undefined
    for (const line of lines) {
      const depth = Math.min(line.depth, lists.length)
      lists.length = depth + 1
      lists[depth] ??= pdf.struct('L', depth === 0 ? part : (lastBody ?? part))
      const item = pdf.struct('LI', lists[depth])
      lastBody = pdf.struct('LBody', item)
      const indent = Math.min(line.depth, 8) * 14
      pdf.flow(pdf.block(`${line.number ? `${line.number} ` : '– '}${line.text}`, { font: line.depth === 0 ? 'bold' : 'regular', size: 10, color: COLOR.ink, indent, width: CONTENT_WIDTH - indent, gapAfter: 3, tags: { body: { el: pdf.struct('P', lastBody), type: 'P' } } }))
    }
    pdf.y = Math.min(pdf.y + 10, CONTENT_BOTTOM)
  }
}

/** The alternative text of a tree picture: what it is, and where its content can be read. */
export function treePictureAlt(p: Pick<TreePicture, 'title'>): string {
  return `${p.title} (Bild des Baums; sein Inhalt folgt als Liste)`
}

/** Widest picture in the DOCX, in pixels at 96 dpi (the text width of an A4 page with the sheet margins). */
const DOCX_PICTURE_WIDTH = 600

/** The trees chapter of the DOCX documentation: the same pictures and lists as the PDF. */
export function treesDocx(file: EventExport): FileChild[] {
  const pictures = treePictures(file, { heading: false })
  if (pictures.length === 0) return []
  const out: FileChild[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(TREE_SHEET_WORDS.chapter)] })]
  for (const p of pictures) {
    if (p.phase === 'problem') out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${TREE_SHEET_WORDS.group}: ${p.group.name}`)] }))
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(TREE_SHEET_WORDS[p.phase])] }))
    const scale = Math.min(DOCX_PICTURE_WIDTH / p.width, 700 / p.height, DOCX_PICTURE_MAX_SCALE)
    // An empty tree says so in a line, without a picture that says the same.
    if (p.group[p.phase].byId.size > 0)
      out.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: svgToPng(p.svg, p.width, p.height),
            transformation: { width: Math.round(p.width * scale), height: Math.round(p.height * scale) },
            altText: { name: p.title, title: p.title, description: p.title },
          }),
        ],
      }),
    )
    const lines = treeListLines(p.group[p.phase], p.group.problemNumbers)
    if (lines.length === 0) out.push(new Paragraph({ children: [new TextRun({ text: TREE_SHEET_WORDS.empty[p.phase], color: COLOR.muted.slice(1) })] }))
    for (const line of lines)
      out.push(
        new Paragraph({
          indent: { left: Math.min(line.depth, 8) * 360 },
          spacing: { after: 60 },
          children: [new TextRun({ text: `${line.number ? `${line.number} ` : '– '}${line.text}`, bold: line.depth === 0 })],
        }),
      )
  }
  return out
}
