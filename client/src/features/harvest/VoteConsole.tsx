import {
  type Ack,
  type ClientEventName,
  type ClientEventPayload,
  type Failure,
  type TischEvent,
  type VoteScope,
  type VoteStep,
  VOTE_BUDGET_MAX,
  failureSchema,
  similarPairs,
  suggestClusters,
} from '@tischrunde/shared'
import { useId, useMemo, useRef, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import '../../i18n/harvest-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { selectOpenStep, useVoteStore } from '../../store/vote-store.js'
import { commandIds } from '../../sync/command-ids.js'
import { randomId } from '../../sync/random-id.js'
import { LabelledSelect, tableOptions } from './LabelledSelect.js'
import { GroupEditor } from './GroupEditor.js'
import { OpenBoards } from './OpenBoards.js'
import { useStepCards } from './use-step-cards.js'
import { RankList } from './VoteRanking.js'
import { rankCards, scopeWords, stepTables } from './vote-view.js'
import { labelText } from '../../lib/label-text.js'
import './harvest.css'
import { fileNameOf } from '../export/download-export.js'

type Send = <N extends ClientEventName>(name: N, payload: ClientEventPayload<N>) => Promise<Ack>

/** Scope choices: "all", "<station>", "<station>/<column>". */
function scopeOf(choice: string, tableId: string): VoteScope {
  const [stationId, columnId] = choice === 'all' ? [] : choice.split('/')
  return { ...(stationId ? { stationId } : {}), ...(columnId ? { columnId } : {}), ...(tableId ? { tableId } : {}) }
}

const FORMATS = ['pdf', 'docx', 'md', 'csv'] as const

/** Downloads a step's ranking pages with the facilitator's key. */
async function downloadRanking(eventId: string, token: string, stepId: string, format: (typeof FORMATS)[number]): Promise<Failure | null> {
  let res: Response
  try {
    res = await fetch(`/api/events/${encodeURIComponent(eventId)}/votes/export?format=${format}&step=${encodeURIComponent(stepId)}`, { headers: { authorization: `Bearer ${token}` } })
  } catch {
    return { code: 'NETWORK' }
  }
  if (!res.ok) {
    // With its parameters, so the wording can be precise ("Gerade werden viele Exporte erstellt …").
    const failure = failureSchema.safeParse(await res.json().catch(() => null))
    return failure.success ? failure.data : { code: 'INTERNAL' }
  }
  const blob = await res.blob()
  const name = fileNameOf(res, `Priorisierung.${format}`)
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return null
}

/**
 * The console's voting part: start a step (question, what is voted on, dots per person and per
 * card), watch each step's ranking live, freeze it, show it on the projector, order the boards by
 * it, download the ranking pages — and look at cards that seem alike (suggestions only).
 */
export default function VoteConsole({ event, token, send, projectorLink }: { event: TischEvent; token: string; send: Send; projectorLink?: string }) {
  const { t } = useTranslation()
  const id = useId()
  const steps = useVoteStore((s) => s.steps)
  // Starting a vote ends the one running (phones show one vote at a time).
  const running = useVoteStore(selectOpenStep)
  const [question, setQuestion] = useState(() => t('harvest.console.questionDefault'))
  const lastStation = event.template.stations.at(-1)
  const [choice, setChoice] = useState(lastStation ? `${lastStation.id}/${lastStation.columns[0]?.id ?? ''}`.replace(/\/$/, '') : 'all')
  const [tableId, setTableId] = useState('')
  const [budget, setBudget] = useState(3)
  const [perCard, setPerCard] = useState(1)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  // A step started again after "keine Verbindung" (the first may have arrived) is started once.
  const openIds = useRef(commandIds(randomId))

  const run = async (ack: Promise<Ack>, done?: (data: unknown) => string | null) => {
    const answer = await ack
    if (!answer.ok) setMessage({ text: errorText(t, answer), error: true })
    else setMessage(done ? (() => {
      const text = done((answer as { data?: unknown }).data)
      return text ? { text, error: false } : null
    })() : null)
  }

  const start = (e: React.FormEvent) => {
    e.preventDefault()
    const setup = { question: question.trim(), scope: scopeOf(choice, tableId), budget, perCardMax: Math.min(perCard, budget) }
    const key = JSON.stringify(setup)
    const stepId = openIds.current.idFor(key)
    void run(
      send('vote:open', { setup, stepId }).then((ack) => {
        openIds.current.answered(key, stepId, ack)
        return ack
      }),
      // Said (and shown) once the phones have it: the button itself does not change.
      () => t('harvest.console.started', { question: setup.question }),
    )
  }

  return (
    <section className="panel vote-console" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('harvest.console.title')}</h2>
      <p className="muted">{t('harvest.console.intro')}</p>
      <form onSubmit={start}>
        <label>
          {t('harvest.console.question')}
          <input value={question} maxLength={160} required onChange={(e) => setQuestion(e.target.value)} />
        </label>
        <label>
          {t('harvest.console.scope')}
          <select value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="all">{t('harvest.console.scopeAll')}</option>
            {event.template.stations.map((s) => [
              <option key={s.id} value={s.id}>
                {t('harvest.console.scopeStation', { station: s.title })}
              </option>,
              ...s.columns.map((c) => (
                <option key={`${s.id}/${c.id}`} value={`${s.id}/${c.id}`}>
                  {t('harvest.console.scopeColumn', { station: s.title, column: c.title })}
                </option>
              )),
            ])}
          </select>
        </label>
        <LabelledSelect label={t('harvest.console.table')} value={tableId} onChange={setTableId} options={[{ value: '', label: t('harvest.console.allTables') }, ...tableOptions(event.tables)]} />
        <label>
          {t('harvest.console.budget')}
          <input type="number" min={1} max={VOTE_BUDGET_MAX} value={budget} onChange={(e) => setBudget(Math.max(1, Math.min(VOTE_BUDGET_MAX, Number(e.target.value) || 1)))} />
        </label>
        <label>
          {t('harvest.console.perCard')}
          <input type="number" min={1} max={budget} value={Math.min(perCard, budget)} onChange={(e) => setPerCard(Math.max(1, Number(e.target.value) || 1))} />
        </label>
        <button type="submit" className="primary" aria-describedby={running ? `${id}-ends` : undefined}>
          {t('harvest.console.start')}
        </button>
        {running && (
          <p id={`${id}-ends`} className="muted">
            {t('harvest.console.startEnds', { question: running.question })}
          </p>
        )}
      </form>
      {message && (
        <p className={message.error ? 'field-error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <h3>{t('harvest.console.steps')}</h3>
      {steps.length === 0 ? (
        <p className="muted">{t('harvest.console.none')}</p>
      ) : (
        <ul className="vote-steps">
          {[...steps].reverse().map((step) => (
            <StepItem
              key={step.id}
              event={event}
              token={token}
              step={step}
              newest={step.id === steps.at(-1)?.id}
              onFreeze={(frozen) => void run(send('vote:freeze', { stepId: step.id, frozen }))}
              onShow={(shown) => void run(send('vote:show', { stepId: step.id, shown }))}
              onOrder={() => void run(send('vote:order', { stepId: step.id }), (data) => t('harvest.console.ordered', { count: (data as { moved?: number } | undefined)?.moved ?? 0 }))}
              onDownload={(format) => {
                // A PDF of many tables takes a moment: say so until it is there (or why not).
                setMessage({ text: t('harvest.console.exporting'), error: false })
                void downloadRanking(event.id, token, step.id, format).then((failure) => setMessage(failure ? { text: errorText(t, failure), error: true } : null))
              }}
            />
          ))}
        </ul>
      )}
      <GroupEditor event={event} token={token} send={send} projectorLink={projectorLink} />
    </section>
  )
}

function StepItem(props: {
  event: TischEvent
  token: string
  step: VoteStep
  newest: boolean
  onFreeze: (frozen: boolean) => void
  onShow: (shown: boolean) => void
  onOrder: () => void
  onDownload: (format: (typeof FORMATS)[number]) => void
}) {
  const { t } = useTranslation()
  const { step, event } = props
  const tally = useVoteStore((s) => s.tallies.get(step.id))
  const frozen = step.status === 'frozen'
  const tables = stepTables(event, step)
  const nameOf = (tableId: string) => event.tables.find((x) => x.id === tableId)?.name ?? tableId
  // Each step's buttons are heard with its question: several votes do not give several equal "PDF".
  const forStep = (action: string) => t('harvest.console.forStep', { action, question: labelText(step.question) })
  return (
    <li className="vote-step" data-step-id={step.id}>
      {/* The newest step's boards stay open: its ranking and suggestions follow the cards live. */}
      {props.newest && <OpenBoards eventId={event.id} tableIds={tables.map((x) => x.id)} token={props.token} />}
      <strong>{step.question}</strong>{' '}
      <span className="muted">
        {scopeWords(event, step) ?? t('harvest.console.scopeAll')} · {frozen ? t('harvest.console.frozenState') : t('harvest.console.open')} · {t('harvest.console.voters', { count: tally?.voters ?? 0 })}
        {step.onProjector && ` · ${t('harvest.console.onProjector')}`}
      </span>
      {props.newest && <StepDetails event={event} step={step} nameOf={nameOf} />}
      <div className="vote-step-actions">
        <button type="button" className="secondary" aria-label={forStep(frozen ? t('harvest.console.unfreeze') : t('harvest.console.freeze'))} onClick={() => props.onFreeze(!frozen)}>
          {frozen ? t('harvest.console.unfreeze') : t('harvest.console.freeze')}
        </button>
        <button type="button" className="secondary" aria-label={forStep(step.onProjector ? t('harvest.console.hide') : t('harvest.console.show'))} onClick={() => props.onShow(!step.onProjector)}>
          {step.onProjector ? t('harvest.console.hide') : t('harvest.console.show')}
        </button>
        <button type="button" className="secondary" aria-label={forStep(t('harvest.console.order'))} onClick={props.onOrder}>
          {t('harvest.console.order')}
        </button>
        <span className="vote-downloads" role="group" aria-label={t('harvest.console.export')}>
          <span aria-hidden="true">{t('harvest.console.export')}:</span>
          {FORMATS.map((format) => (
            <button key={format} type="button" className="secondary" aria-label={forStep(format.toUpperCase())} onClick={() => props.onDownload(format)}>
              {format.toUpperCase()}
            </button>
          ))}
        </span>
      </div>
    </li>
  )
}

/** The newest step's live top places and the similarity suggestions over its cards. */
function StepDetails({ event, step, nameOf }: { event: TischEvent; step: VoteStep; nameOf: (tableId: string) => string }) {
  const { t } = useTranslation()
  const id = useId()
  const tally = useVoteStore((s) => s.tallies.get(step.id))
  const { byTable, all } = useStepCards(event, step)
  const ranked = rankCards(all, tally).filter((r) => r.votes > 0 && r.rank <= 5)
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set())
  // Suggestions per table (a table's cards are compared with each other): duplicates and groups.
  const suggestions = useMemo(() => {
    const out: { key: string; kind: 'duplicate' | 'cluster'; heading: string; texts: string[]; table: string }[] = []
    for (const [tableId, cards] of byTable) {
      const items = cards.map((c) => ({ id: c.card.id, text: c.card.text }))
      const textOf = new Map(items.map((i) => [i.id, i.text]))
      for (const p of similarPairs(items)) out.push({ key: `d/${tableId}/${p.a}/${p.b}`, kind: 'duplicate', heading: '', texts: [textOf.get(p.a)!, textOf.get(p.b)!], table: tableId })
      for (const c of suggestClusters(items)) if (c.ids.length > 2) out.push({ key: `c/${tableId}/${c.ids.join('/')}`, kind: 'cluster', heading: c.heading, texts: c.ids.map((i) => textOf.get(i)!), table: tableId })
    }
    return out.slice(0, 30)
  }, [byTable])
  const shown = suggestions.filter((s) => !ignored.has(s.key))
  return (
    <>
      <h4 id={`${id}-top`}>{t('harvest.console.top')}</h4>
      <RankList ranked={ranked} tableName={nameOf} labelledBy={`${id}-top`} />
      <details className="vote-suggestions">
        <summary>{t('harvest.console.suggestions')}</summary>
        <p className="muted">{t('harvest.console.suggestionsHint')}</p>
        {shown.length === 0 ? (
          <p className="muted">{t('harvest.console.noSuggestions')}</p>
        ) : (
          <ul>
            {shown.map((s) => (
              <li key={s.key}>
                <strong>{s.kind === 'duplicate' ? t('harvest.console.duplicate') : t('harvest.console.cluster', { heading: s.heading })}</strong> ({nameOf(s.table)}): {s.texts.map((x) => t('common.quoted', { text: x })).join(' · ')}{' '}
                <button type="button" className="secondary" onClick={() => setIgnored((prev) => new Set(prev).add(s.key))}>
                  {t('harvest.console.ignore')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </details>
    </>
  )
}
