import { type TreeNode, type TreePhase, type TreeView, layoutTreeToFit, subtreeBounds } from '@tischrunde/shared'
import { type PointerEvent, useEffect, useMemo, useRef, useState } from 'react'
import { ActingSelect } from '../../../app/ActingSelect.js'
import { type Translate, useTranslation } from '../../../i18n/index.js'
import { hyphenateDe, useHyphenation } from '../../projector/hyphenate.js'
import { BOX, type TreeLayout } from '../tree-layout.js'
import { useAreaSize, useFitBoxTexts } from './fit-box-text.js'
import { isTypingTarget } from '../../../lib/typing-target.js'

/** Margin around the diagram inside its screen, in diagram units. */
const MARGIN = 24
/** One zoom step (factor of the shown width). */
const ZOOM_STEP = 1.4

interface Frame {
  x: number
  y: number
  w: number
  h: number
}

/** The frame that shows `bounds` whole, with a margin. */
function frameOf(bounds: TreeLayout['bounds']): Frame {
  return { x: bounds.minX - MARGIN, y: bounds.minY - MARGIN, w: Math.max(bounds.maxX - bounds.minX, BOX.width) + 2 * MARGIN, h: Math.max(bounds.maxY - bounds.minY, BOX.height) + 2 * MARGIN }
}

/**
 * What a box says about its node besides the text, in lines that never take the text's room (cut
 * with "…"): the kind line (number and kind), and at the foot at most two quiet lines of marks: in
 * scope (the dashed border's meaning), still in the problem's words, how many measures and helpers
 * it has (their lists are on phones, console and in the exports).
 */
function boxLines(node: TreeNode, number: string, t: Translate): { kind: string; marks: string } {
  const kind = `${number} ${t(`tree.kind.${node.kind}`)}`
  const marks: string[] = []
  if (node.inScope) marks.push(t('tree.inScopeShort'))
  if (node.placeholder) marks.push(t('tree.placeholderShort'))
  if (node.measures?.length) marks.push(t('tree.measuresCount', { count: node.measures.length }))
  if (node.helpers?.length) marks.push(t('tree.helpersCount', { count: node.helpers.length }))
  return { kind, marks: marks.join(' · ') }
}

/** A frame scaled around its centre. */
const zoomed = (f: Frame, factor: number): Frame => ({ x: f.x + (f.w - f.w * factor) / 2, y: f.y + (f.h - f.h * factor) / 2, w: f.w * factor, h: f.h * factor })

/**
 * A tree drawn live as a diagram (laid out by the shared layout, as the exported pictures are):
 * core in the middle, causes below and effects above, leaves stacked or spread, whichever shows
 * the tree larger on this screen. Each box's text is as large as fits its box, German words broken
 * at syllables. Fits its screen; zoom in and out with the
 * buttons or + and −, click a box to zoom to its sub-tree, drag to pan, "Ganzer Baum" or 0 to fit
 * again. New boxes fade in (not with reduced motion). The picture carries one label; the outlines
 * on phones and the console are the accessible form of its content.
 */
export function TreeDiagram(props: { view: TreeView; phase: TreePhase; label: string; keys?: boolean }) {
  const { t } = useTranslation()
  const svg = useRef<SVGSVGElement>(null)
  const area = useAreaSize(svg)
  const layout = useMemo(() => layoutTreeToFit(props.view, props.phase, area, MARGIN), [props.view, props.phase, area])
  const hyphenated = useHyphenation()
  useFitBoxTexts(svg, layout, hyphenated)
  const fit = frameOf(layout.bounds)
  // A zoom belongs to the picture it was made on: when the layout changes its shape (a resize, F,
  // leaves spread instead of stacked after a new node), the whole tree shows again.
  const [zoom, setZoom] = useState<{ frame: Frame; stackFrom: number } | null>(null)
  const frame = zoom && zoom.stackFrom === layout.stackFrom ? zoom.frame : null
  const setFrame = (next: Frame | null) => setZoom(next && { frame: next, stackFrom: layout.stackFrom })
  const shown = frame ?? fit
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
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || target === svg.current || isTypingTarget(target)) return
      keyRef.current(e)
    }
    window.addEventListener('keydown', onWindowKey)
    return () => window.removeEventListener('keydown', onWindowKey)
  }, [props.keys])
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    drag.current = { x: e.clientX, y: e.clientY, frame: shown, moved: false }
    e.currentTarget.setPointerCapture?.(e.pointerId)
  }
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current
    const box = svg.current?.getBoundingClientRect()
    if (!d || !box || box.width === 0) return
    const dx = e.clientX - d.x
    const dy = e.clientY - d.y
    if (!d.moved && Math.hypot(dx, dy) < 6) return
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
  const zoomTo = (nodeId: string) => {
    if (drag.current?.moved) return
    const bounds = subtreeBounds(layout, nodeId)
    if (bounds) setFrame(frameOf(bounds))
  }

  return (
    <div className="tree-diagram-wrap">
      <svg
        ref={svg}
        className="tree-diagram"
        role="img"
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
        {layout.links.map(({ from, to, points }) => (
          <polyline key={`${from.node.id}-${to.node.id}`} points={points.map((p) => p.join(',')).join(' ')} className="tree-link" />
        ))}
        {layout.nodes.map((p) => (
          <g
            key={p.node.id}
            className={`tree-box tree-box-${p.node.kind}${p.node.inScope ? ' tree-box-scope' : ''}`}
            data-kind={p.node.kind}
            data-y={Math.round(p.y)}
            transform={`translate(${p.x - p.width / 2} ${p.y - layout.boxHeight / 2})`}
            onClick={() => zoomTo(p.node.id)}
          >
            <g className="tree-box-in">
              <rect width={p.width} height={layout.boxHeight} rx={10} />
              <foreignObject width={p.width} height={layout.boxHeight}>
                <BoxText node={p.node} number={p.number} t={t} />
              </foreignObject>
            </g>
          </g>
        ))}
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

/** A box's lines: the kind line, the text (as large as fits, fit-box-text.ts), the marks at the foot. */
function BoxText({ node, number, t }: { node: TreeNode; number: string; t: Translate }) {
  const lines = boxLines(node, number, t)
  return (
    <div className="tree-box-text">
      <span className="tree-box-kind">{lines.kind}</span>
      <span className="tree-box-words">{hyphenateDe(node.text)}</span>
      {lines.marks && <span className="tree-box-marks">{lines.marks}</span>}
    </div>
  )
}
