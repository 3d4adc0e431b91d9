import { winnendenEvent } from '@tischrunde/fixtures'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { renderTable } from './export-service.js'
const file = winnendenEvent()
const out = await renderTable(file, 'einzelkaempfer-laendlicher-raum', 'pdf')
const pdf = await getDocument({ data: out.bytes, useSystemFonts: false, disableFontFace: true }).promise
const page = await pdf.getPage(1)
const tree = await page.getStructTree()
console.log(JSON.stringify(tree).slice(0, 1500))
const text = await page.getTextContent({ includeMarkedContent: true })
console.log(JSON.stringify(text.items.slice(0, 12)))
console.log(JSON.stringify(await pdf.getMetadata()).slice(0, 600))
