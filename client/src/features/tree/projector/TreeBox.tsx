import type { TreeNode } from '@tischrunde/shared'
import type { KeyboardEvent, MouseEvent } from 'react'
import type { Translate } from '../../../i18n/index.js'
import { hyphenateDe } from '../../projector/hyphenate.js'
import type { PlacedNode } from '../tree-layout.js'

/** The part of the picture shown, in diagram units. */
export interface Frame {
  x: number
  y: number
  w: number
  h: number
}

/**
 * What a box says about its node besides the text, in lines that never take the text's room (cut
 * with "…"): the kind line (number and kind), and at the foot at most two quiet lines of marks: in
 * scope (the dashed border's meaning), still in the problem's words, how many measures and helpers
 * it has (their lists are on phones, console and in the exports). A box whose text is cut shows its
 * marks beside the kind line instead (tree.css), so the text keeps their line.
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

/** A box's lines: the kind line, the text (at the tree's size, fit-box-text.ts), the marks at the foot. */
function BoxText({ node, number, t, whole }: { node: TreeNode; number: string; t: Translate; whole?: { minHeight: number } }) {
  const lines = boxLines(node, number, t)
  return (
    <div className={whole ? 'tree-box-text tree-whole-text' : 'tree-box-text'} style={whole}>
      <span className="tree-box-kind">{lines.kind}</span>
      <span className="tree-box-words">{hyphenateDe(node.text)}</span>
      {lines.marks && <span className="tree-box-marks">{lines.marks}</span>}
    </div>
  )
}

/**
 * One entry of the picture, a button: a click, Enter or Space zooms to its sub-tree; focused (by a
 * click or Tab) it is open and shows its whole text over the picture (`WholeBox`), where its box cut
 * it with "…". A screen reader hears the whole entry, its kind and marks too: the name is the box's
 * text, which the cut shortens on the screen only.
 */
export function TreeBox(props: { placed: PlacedNode; boxHeight: number; t: Translate; onZoom: (id: string) => boolean; onOpen: (id: string | null) => void }) {
  const { placed: p, boxHeight, t } = props
  const id = p.node.id
  const onClick = (e: MouseEvent<SVGGElement>) => {
    if (props.onZoom(id)) e.currentTarget.focus({ preventScroll: true })
  }
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return
    e.preventDefault()
    props.onZoom(id)
  }
  return (
    <g
      className={`tree-box tree-box-${p.node.kind}${p.node.inScope ? ' tree-box-scope' : ''}`}
      role="button"
      tabIndex={0}
      data-kind={p.node.kind}
      data-id={id}
      data-y={Math.round(p.y)}
      transform={`translate(${p.x - p.width / 2} ${p.y - boxHeight / 2})`}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onFocus={() => props.onOpen(id)}
      onBlur={() => props.onOpen(null)}
    >
      <g className="tree-box-in">
        <rect width={p.width} height={boxHeight} rx={10} />
        <foreignObject width={p.width} height={boxHeight}>
          <BoxText node={p.node} number={p.number} t={t} />
        </foreignObject>
      </g>
    </g>
  )
}

/**
 * The open entry's whole text, drawn over the picture at the tree's text size: from its box's top
 * downwards, or from its bottom upwards where the shown part of the picture has more room above. As
 * large as its box at least, so a text that fits shows as its box does (with the focus's frame).
 * Hidden from screen readers: the entry's name says it.
 */
export function WholeBox({ placed: p, boxHeight, frame, t }: { placed: PlacedNode; boxHeight: number; frame: Frame; t: Translate }) {
  const top = p.y - boxHeight / 2
  const below = frame.y + frame.h - top
  const above = top + boxHeight - frame.y
  const down = below >= above
  const room = Math.max(boxHeight, down ? below : above)
  return (
    <foreignObject className="tree-whole" x={p.x - p.width / 2} y={down ? top : top + boxHeight - room} width={p.width} height={room} aria-hidden="true">
      <div className={`tree-whole-in tree-box-${p.node.kind}${down ? '' : ' tree-whole-up'}`}>
        <BoxText node={p.node} number={p.number} t={t} whole={{ minHeight: boxHeight }} />
      </div>
    </foreignObject>
  )
}
