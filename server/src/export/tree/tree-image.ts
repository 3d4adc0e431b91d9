import type { EventExport, TreePhase } from '@tischrunde/shared'
import type { RenderedFile } from '../export-service.js'
import { svgToPng } from './tree-png.js'
import { treePicture, treePictureName } from './tree-sheets.js'

/** One group's tree as an SVG or PNG file; null for a group the file does not have. */
export function renderTreeImage(file: EventExport, groupId: string, phase: TreePhase, format: 'svg' | 'png'): RenderedFile | null {
  const picture = treePicture(file, groupId, phase)
  if (!picture) return null
  const bytes = format === 'svg' ? new TextEncoder().encode(picture.svg) : svgToPng(picture.svg, picture.width, picture.height)
  return { fileName: treePictureName(file, picture, format), contentType: format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'image/png', bytes }
}
