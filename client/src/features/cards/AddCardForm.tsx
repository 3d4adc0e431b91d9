import { countLive } from '../../lib/char-count.js'
import { sendOnCtrlEnter } from '../../lib/send-on-ctrl-enter.js'
import { CARD_TEXT_MAX, type Station, SUB_POINTS_MAX, cardAuthorName, cardTextSchema, namesShown } from '@tischrunde/shared'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { useCardDraft } from '../../lib/use-draft.js'
import { addCard } from '../../sync/hooks.js'
import { useTischStore } from '../../store/index.js'
import { randomId } from '../../sync/random-id.js'
import { showSentCard } from './show-sent-card.js'
import { useFieldsClearOfBar } from './keep-field-clear.js'

/** How long "Karte hinzugefügt." stays, in ms. */
const NOTICE_MS = 6000

/** The phone's form: pick a column, write a card, add sub-points, send. Works offline. */
export function AddCardForm({ docName, station, disabled = false, authorName }: { docName: string; station: Station; disabled?: boolean; authorName?: string | undefined }) {
  const { t } = useTranslation()
  // The name goes on a card only while names are shown: otherwise it would reach every phone's copy of the board.
  const withName = useTischStore((s) => (s.event ? namesShown(s.event) : false))
  const formId = useId()
  const [columnId, setColumnId] = useState(station.columns[0]?.id ?? '')
  // Typed and not sent: kept across a reload, per board and station.
  const [text, setText, carried] = useCardDraft(docName, station.id)
  const [subPoints, setSubPoints] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  // "Karte hinzugefügt." is a moment's confirmation: gone after a few seconds, and with the next station.
  useEffect(() => {
    if (!notice) return
    const id = window.setTimeout(() => setNotice(null), NOTICE_MS)
    return () => window.clearTimeout(id)
  }, [notice])
  useEffect(() => setNotice(null), [station.id])
  const left = CARD_TEXT_MAX - text.length
  const column = station.columns.some((c) => c.id === columnId) ? columnId : (station.columns[0]?.id ?? '')
  // The field being typed in shows whole above "Karte senden", also with the keyboard up.
  const formRef = useRef<HTMLFormElement>(null)
  const barRef = useRef<HTMLDivElement>(null)
  useFieldsClearOfBar(formRef, barRef)
  // A sub-point added or removed: the focus goes to the new one (or the one before), not left on a
  // button that moved down under the send bar (typing then pressed it again with each space).
  const focusSubPoint = useRef<number | null>(null)
  const changeSubPoints = (next: string[], focus: number) => {
    focusSubPoint.current = focus
    setSubPoints(next)
  }
  useEffect(() => {
    const at = focusSubPoint.current
    focusSubPoint.current = null
    if (at === null) return
    const fields = formRef.current?.querySelectorAll<HTMLInputElement>('.subpoint-row input')
    ;(fields?.[at] ?? formRef.current?.querySelector('textarea'))?.focus()
  }, [subPoints.length])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (disabled) return
    const parsed = cardTextSchema.safeParse(text)
    if (!parsed.success) return setError(text.trim() ? t('card.tooLong', { count: -left }) : t('card.emptyText'))
    const points = subPoints.map((p) => p.trim()).filter(Boolean)
    const badPoint = points.find((p) => !cardTextSchema.safeParse(p).success)
    if (badPoint) return setError(t('card.tooLong', { count: badPoint.length - CARD_TEXT_MAX }))
    const cardId = randomId()
    addCard(docName, { stationId: station.id, columnId: column, text: parsed.data, subPoints: points, authorName: withName ? cardAuthorName(authorName) : undefined }, { cardId, subPointIds: points.map(() => randomId()) })
    showSentCard(cardId)
    setText('')
    setSubPoints([])
    setError(null)
    setNotice(t('card.added'))
  }

  return (
    <form ref={formRef} className="add-card" onSubmit={submit} aria-labelledby={`${formId}-title`} noValidate>
      <h2 id={`${formId}-title`} tabIndex={-1} data-step-focus="board">{t('card.addTitle')}</h2>
      <fieldset className={station.columns.length > 2 ? 'column-choice column-choice-compact' : 'column-choice'} disabled={disabled}>
        <legend>{t('card.column')}</legend>
        {station.columns.map((c) => (
          <label key={c.id} className={c.id === column ? 'choice choice-selected' : 'choice'}>
            <input type="radio" name={`${formId}-column`} value={c.id} checked={c.id === column} onChange={() => setColumnId(c.id)} />
            {c.title}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${formId}-text`}>{t('card.text')}</label>
      <textarea
        id={`${formId}-text`}
        value={text}
        rows={3}
        placeholder={t('card.textPlaceholder')}
        aria-describedby={`${formId}-count ${formId}-error`}
        aria-invalid={error ? true : undefined}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value)
          setNotice(null)
        }}
        onKeyDown={sendOnCtrlEnter}
      />
      <p id={`${formId}-count`} className={left < 0 ? 'char-count char-count-over' : 'char-count'} aria-live={countLive(left)}>
        {left >= 0 ? t('card.charsLeft', { count: left }) : t('card.tooLong', { count: -left })}
      </p>
      {carried && (
        <p className="muted" role="status">
          {t('card.draftCarried')}
        </p>
      )}
      {subPoints.length > 0 && (
        <fieldset className="subpoints">
          <legend>{t('card.subPoints')}</legend>
          {subPoints.map((p, i) => (
            <div key={i} className="subpoint-row">
              <input
                type="text"
                aria-label={t('card.subPoint', { n: i + 1 })}
                value={p}
                maxLength={CARD_TEXT_MAX + 20}
                onChange={(e) => setSubPoints(subPoints.map((x, j) => (j === i ? e.target.value : x)))}
              />
              <button type="button" className="icon-button" aria-label={t('card.removeSubPoint', { n: i + 1 })} onClick={() => changeSubPoints(subPoints.filter((_, j) => j !== i), Math.max(0, i - 1))}>
                ×
              </button>
            </div>
          ))}
        </fieldset>
      )}
      {subPoints.length < SUB_POINTS_MAX && (
        <button type="button" className="secondary" disabled={disabled} onClick={() => changeSubPoints([...subPoints, ''], subPoints.length)}>
          + {t('card.addSubPoint')}
        </button>
      )}
      <p id={`${formId}-error`} className="field-error" role="alert">
        {error}
      </p>
      <div ref={barRef} className="add-card-send">
        <button type="submit" className="primary" disabled={disabled} aria-keyshortcuts="Control+Enter">
          {t('card.submit')}
        </button>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
    </form>
  )
}
