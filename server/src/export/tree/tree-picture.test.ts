import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { readTreeRecords } from '@tischrunde/shared'
import { svgToPng } from './tree-png.js'
import { treeToSvg } from './tree-svg.js'

/** The rightmost column with ink in the picture's title band (the first 70 rows at 1.5×). */
function titleRightEdge(png: PNG): number {
  let right = -1
  for (let y = 0; y < 70; y++)
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4
      if (png.data[i]! < 128 && png.data[i + 3]! > 0) right = Math.max(right, x)
    }
  return right
}

describe('a tree as a picture', () => {
  it('shows the whole title over a tree of one box (a long group name was cut at the right)', () => {
    const view = readTreeRecords([{ id: 'kern-0001', kind: 'core', parentId: null, order: 0, text: 'Kurz', authorId: null, createdAt: 1 }])
    for (const title of ['Problembaum: größere kreisfreie Stadt', 'Lösungsbaum: mittelgroßer Landkreis WWW MMM']) {
      const { svg, width } = treeToSvg(view, 'problem', title)
      const png = PNG.sync.read(Buffer.from(svgToPng(svg, width)))
      const right = titleRightEdge(png)
      // Ink up to the right margin's start at most, and the title reaches well across (it is drawn).
      expect(right).toBeLessThan(png.width - 12)
      expect(right).toBeGreaterThan(png.width / 2)
    }
  })
})
