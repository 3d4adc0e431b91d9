import { type TreePhase, type TreeView, layoutTreeToFit, subtreeBounds } from '@tischrunde/shared'
import { type PointerEvent, useEffect, useMemo, useRef, useState } from 'react'
import { ActingSelect } from '../../../app/ActingSelect.js'
import { useTranslation } from '../../../i18n/index.js'
import { useHyphenation } from '../../projector/hyphenate.js'
import { BOX, type PlacedLink, type TreeLayout } from '../tree-layout.js'
import { secondFloor, textFloor, useAreaSize, useFitBoxTexts } from './fit-box-text.js'
import { type Frame, TreeBox, WholeBox } from './TreeBox.js'
import { isTypingTarget } from '../../../lib/typing-target.js'

/** Margin around the diagram inside its screen, in diagram units. */
const MARGIN = 24
/** One zoom step (factor of the shown width). */
const ZOOM_STEP = 1.4

/** The frame that shows `bounds` whole, with a margin. */
function frameOf(bounds: TreeLayout['bounds']): Frame {
  return { x: bounds.minX - MARGIN, y: bounds.minY - MARGIN, w: Math.max(bounds.maxX - bounds.minX, BOX.width) + 2 * MARGIN, h: Math.max(bounds.maxY - bounds.minY, BOX.height) + 2 * MARGIN }
}

/**
 * A line from a box to a box below (or above) it, drawn as an elbow: from the parent's edge to the
 * middle of the gap, across, and into the child's edge. A straight line between the centres ran
 * along the edge of a box between them (the core's to its fourth cause over the third's corner).
 * A stacked column's rail keeps its own points.
 */
function linkPoints({ from, to, points }: PlacedLink, boxHeight: number): string {
  if (points.length !== 2 || from.y === to.y) return points.map((p) => p.join(',')).join(' ')
  const down = Math.sign(to.y - from.y)
  const start = from.y + (down * boxHeight) / 2
  const end = to.y - (down * boxHeight) / 2
  const middle = (start + end) / 2
  return [[from.x, start], [from.x, middle], [to.x, middle], [to.x, end]].map((p) => p.join(',')).join(' ')
}

/** A frame scaled around its centre. */
const zoomed = (f: Frame, factor: number): Frame => ({ x: f.x + (f.w - f.w * factor) / 2, y: f.y + (f.h - f.h * factor) / 2, w: f.w * factor, h: f.h * factor })

/**
 * A tree drawn live as a diagram (laid out by the shared layout, as the exported pictures are):
 * core in the middle, causes below and effects above, leaves stacked or spread, whichever shows
 * the tree larger on this screen. The boxes' texts share one size, as large as fits all but the
 * longest, never below what the back of a hall reads (fit-box-text.ts): a longer text ends in "…",
 * and its box, clicked or reached with Tab, shows it whole; German words broken at syllables. Fits
 * its screen; zoom in and out with the buttons or + and −, click a box (or Enter on it) to zoom to
 * its sub-tree, drag to pan, "Ganzer Baum" or 0 to fit again. New boxes fade in (not with reduced
 * motion). Each box is a button named with its whole entry.
 */
export function TreeDiagram(props: { view: TreeView; phase: TreePhase; label: string; keys?: boolean }) {
  const { t } = useTranslation()
  const svg = useRef<SVGSVGElement>(null)
  const area = useAreaSize(svg)
  // The screen's smallest text sizes choose the layout too: on a low screen, taller boxes keep lines.
  const layout = useMemo(() => layoutTreeToFit(props.view, props.phase, area, MARGIN, textFloor(window.innerHeight), secondFloor(window.innerHeight)), [props.view, props.phase, area])
  const hyphenated = useHyphenation()
  const fit = frameOf(layout.bounds)
  // A zoom belongs to the picture it was made on: when the layout changes its shape (a resize, F,
  // leaves spread instead of stacked after a new node, other boxes), the whole tree shows again.
  const shape = `${layout.stackFrom} ${layout.boxWidth}×${layout.boxHeight} ${layout.gapY}`
  const [zoom, setZoom] = useState<{ frame: Frame; shape: string; target: string | null } | null>(null)
  const current = zoom && zoom.shape === shape ? zoom : null
  const frame = current?.frame ?? null
  const setFrame = (next: Frame | null, target: string | null = null) => setZoom(next && { frame: next, shape, target })
  const shown = frame ?? fit
  useFitBoxTexts(svg, { layout, hyphenated, zoom: shown.w, target: current?.target ?? null })
  // The box with the focus is open: its whole text shows over the picture.
  const [open, setOpen] = useState<string | null>(null)
  const opened = open === null ? undefined : layout.nodes.find((p) => p.node.id === open)
  const drag = useRef<{ x: number; y: number; frame: Frame; moved: boolean } | null>(null)

  const onKey = (e: { key: string; preventDefault: () => void }) => {
    if (e.key === '+' || e.key === '=') setFrame(zoomed(shown, 1 / ZOOM_STEP))
    else if (e.key === '-') setFrame(zoomed(shown, ZOOM_STEP))
    else if (e.key === '0') setFrame(null)
    else return
    e.preventDefault()
  }
  // The only diagram on the screen takes + − 0 wherever the focus is (not in a field or a list), so the
  // facilitator need not click the picture first; two side by side take them only when focused.
  const keyRef = useRef(onKey)
  useEffect(() => {
    keyRef.current = onKey
  })
  useEffect(() => {
    if (!props.keys) return
    const onWindowKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as Element | null
      // Keys on the picture or one of its boxes it takes itself (onKeyDown).
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || (target instanceof Node && svg.current?.contains(target)) || isTypingTarget(target)) return
      keyRef.current(e)
    }
    window.addEventListener('keydown', onWindowKey)
    return () => window.removeEventListener('keydown', onWindowKey)
  }, [props.keys])
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    drag.current = { x: e.clientX, y: e.clientY, frame: shown, moved: false }
  }
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    // Released outside the picture before it was dragged: no drag.
    if (e.buttons === 0) drag.current = null
    const d = drag.current
    const box = svg.current?.getBoundingClientRect()
    if (!d || !box || box.width === 0) return
    const dx = e.clientX - d.x
    const dy = e.clientY - d.y
    if (!d.moved && Math.hypot(dx, dy) < 6) return
    // The picture takes the pointer once it is dragged, not at the press: a click stays a box's (zoom and open).
    if (!d.moved) e.currentTarget.setPointerCapture?.(e.pointerId)
    d.moved = true
    // Screen pixels to diagram units: the viewBox is scaled to fit ("meet") the element.
    const scale = Math.max(d.frame.w / box.width, d.frame.h / box.height)
    setFrame({ ...d.frame, x: d.frame.x - dx * scale, y: d.frame.y - dy * scale })
  }
  // Boxes with something below them, for zooming to a sub-tree from the keyboard.
  const parents = useMemo(() => {
    const from = new Set(layout.links.map((l) => l.from.node.id))
    return layout.nodes.filter((p) => from.has(p.node.id))
  }, [layout])
  /** Zooms to a node's sub-tree (not at the end of a drag); the node's text is fitted whole if it can be. */
  const zoomTo = (nodeId: string) => {
    if (drag.current?.moved) return false
    const bounds = subtreeBounds(layout, nodeId)
    if (bounds) setFrame(frameOf(bounds), nodeId)
    return true
  }
  // A box reached with Tab outside the zoomed part: the whole tree shows again.
  const onOpen = (nodeId: string | null) => {
    setOpen(nodeId)
    const p = layout.nodes.find((n) => n.node.id === nodeId)
    if (p && frame && (p.x + p.width / 2 < frame.x || p.x - p.width / 2 > frame.x + frame.w || p.y + layout.boxHeight / 2 < frame.y || p.y - layout.boxHeight / 2 > frame.y + frame.h)) setFrame(null)
  }

  return (
    <div className="tree-diagram-wrap">
      <svg
        ref={svg}
        className="tree-diagram"
        role="group"
        aria-label={props.label}
        tabIndex={0}
        viewBox={`${shown.x} ${shown.y} ${shown.w} ${shown.h}`}
        preserveAspectRatio="xMidYMid meet"
        onKeyDown={onKey}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => setTimeout(() => (drag.current = null))}
        onPointerCancel={() => (drag.current = null)}
      >
        {layout.links.map((link) => (
          <polyline key={`${link.from.node.id}-${link.to.node.id}`} points={linkPoints(link, layout.boxHeight)} className="tree-link" data-from={link.from.node.id} data-to={link.to.node.id} />
        ))}
        {layout.nodes.map((p) => (
          <TreeBox key={p.node.id} placed={p} boxHeight={layout.boxHeight} t={t} onZoom={zoomTo} onOpen={onOpen} />
        ))}
        {opened && <WholeBox placed={opened} boxHeight={layout.boxHeight} frame={shown} t={t} />}
      </svg>
      <div className="tree-zoom button-row" role="group" aria-label={t('tree.diagramHelp')}>
        <button type="button" className="secondary" onClick={() => setFrame(zoomed(shown, 1 / ZOOM_STEP))}>
          {t('tree.zoomIn')}
        </button>
        <button type="button" className="secondary" onClick={() => setFrame(zoomed(shown, ZOOM_STEP))}>
          {t('tree.zoomOut')}
        </button>
        <button type="button" className="secondary" aria-pressed={frame === null} onClick={() => setFrame(null)}>
          {t('tree.fit')}
        </button>
        {parents.length > 0 && (
          <ActingSelect aria-label={t('tree.subtree')} value="" onAct={(id) => id && zoomTo(id)}>
            <option value="">{t('tree.subtree')}</option>
            {parents.map((p) => (
              <option key={p.node.id} value={p.node.id}>
                {t('tree.zoomTo', { text: `${p.number} ${t(`tree.kind.${p.node.kind}`)}: ${p.node.text}` })}
              </option>
            ))}
          </ActingSelect>
        )}
      </div>
    </div>
  )
}
