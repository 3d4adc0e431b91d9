import { useEffect, useRef, useState } from 'react'
import { type Programme, type ProgrammeItem, type Workshop, DEFAULT_HINT_THRESHOLD, firstFieldIssue, foldShifts, overlappingPhases, programmeSchema, slugify } from '@tischrunde/shared'
import { formatEventDate } from '../../i18n/dates.js'
import { fieldIssueText } from '../../i18n/error-text.js'
import { type Translate, useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { randomId } from '../../sync/random-id.js'

const KINDS = ['plenary', 'work-phase', 'break', 'method'] as const
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean)

/** The problem's paragraph, which the marked field names as its description. */
const PROBLEM_ID = 'programme-problem'

/** A fresh id for a new item or workshop, unique in the programme. */
function freshId(base: string, programme: Programme): string {
  const taken = new Set(programme.items.flatMap((i) => [i.id, ...i.workshops.map((w) => w.id)]))
  const stem = slugify(base, 30) || 'punkt'
  let id = stem
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`
  return id
}

/**
 * The programme editor: items with times, room and people; work phases with their workshops
 * (number, title, subtitle, speakers, room, seats, hint threshold). Checked with the shared schema
 * before it is sent; the server checks again.
 */
export function ProgrammeEditor({ initial, onSave, onCancel, counts = {} }: { initial: Programme; onSave: (p: Programme) => Promise<boolean>; onCancel?: (() => void) | undefined; counts?: Readonly<Record<string, number>> }) {
  const { t, language } = useTranslation()
  // A new programme is for the event's day; one set to another day says so (phones and the handout would disagree).
  const eventDate = useTischStore((s) => s.event?.date ?? null)
  // The times as they run today: a day shifted ("Rest des Tages verschieben") is edited with its
  // shifts folded in, or a time typed as the phones show it would be shifted a second time.
  const [shifted] = useState(() => initial.shifts.length > 0)
  const [draft, setDraft] = useState<Programme>(() => {
    const now = foldShifts(initial)
    return now.date === null && eventDate ? { ...now, date: eventDate } : now
  })
  // A problem is said for the draft it was found in: an edit since (the times put right) takes it away.
  const [found, setFound] = useState<{ text: string; in: Programme } | null>(null)
  const problem = found && found.in === draft ? found.text : null
  const setProblem = (text: string | null) => setFound(text === null ? null : { text, in: draft })
  const setItem = (index: number, change: Partial<ProgrammeItem>) => setDraft((d) => ({ ...d, items: d.items.map((it, i) => (i === index ? { ...it, ...change } : it)) }))
  const setWorkshop = (index: number, wIndex: number, change: Partial<Workshop>) =>
    setItem(index, { workshops: draft.items[index]!.workshops.map((w, j) => (j === wIndex ? { ...w, ...change } : w)) })
  const addItem = () => {
    focusField.current = `items.${draft.items.length}.title`
    setDraft((d) => {
      const last = d.items.at(-1)
      return { ...d, items: [...d.items, { id: freshId(t('programme.console.newItem'), d), kind: 'plenary', title: t('programme.console.newItem'), subtitle: '', description: '', start: last?.end ?? '09:00', end: last?.end && last.end < '23:00' ? `${String(Number(last.end.slice(0, 2)) + 1).padStart(2, '0')}${last.end.slice(2)}` : '10:00', room: '', people: [], workshops: [] }] }
    })
  }
  // An item or workshop added: its title field takes the focus with its words selected, so typing
  // replaces "Neuer Workshop – Titel eintragen" (the button kept the focus, the new fields out of view).
  const form = useRef<HTMLFormElement>(null)
  const focusField = useRef<string | null>(null)
  useEffect(() => {
    const name = focusField.current
    focusField.current = null
    const field = name ? form.current?.querySelector<HTMLInputElement>(`[name="${name}"]`) : null
    field?.focus()
    field?.select()
  }, [draft])
  // Enter in a field does not save and publish the whole day: only "Programm speichern" does.
  const keepEnter = (e: React.KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type !== 'submit') e.preventDefault()
  }
  /** Asks before a part people chose goes (their choices go with it); true to go on. */
  const mayRemove = (workshops: readonly Workshop[], ask: (count: number) => string) => {
    const booked = workshops.reduce((sum, w) => sum + (Object.hasOwn(counts, w.id) ? counts[w.id]! : 0), 0)
    return booked === 0 || window.confirm(ask(booked))
  }
  const addWorkshop = (index: number) => {
    focusField.current = `items.${index}.workshops.${draft.items[index]!.workshops.length}.title`
    const numbers = draft.items.flatMap((i) => i.workshops.map((w) => w.number))
    const number = Math.max(0, ...numbers) + 1
    setItem(index, {
      workshops: [
        ...draft.items[index]!.workshops,
        // A random part: an id never comes back after its workshop was removed (its seats and board stay its own).
        { id: freshId(`workshop-${number}-${randomId().slice(0, 6).toLowerCase()}`, draft), number, title: t('programme.console.newWorkshop'), subtitle: '', description: '', speakers: [], room: '', capacity: null, threshold: DEFAULT_HINT_THRESHOLD, closed: false },
      ],
    })
  }
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    for (const marked of form.querySelectorAll('[aria-invalid="true"]')) {
      marked.removeAttribute('aria-invalid')
      if (marked.getAttribute('aria-describedby') === PROBLEM_ID) marked.removeAttribute('aria-describedby')
    }
    const parsed = programmeSchema.safeParse(draft)
    if (!parsed.success) {
      // Said in the form's words (the item, the workshop, the field's label), marked and focused: the
      // form is long, and "items › 4 › end" told nobody anything.
      const issue = firstFieldIssue(parsed.error)
      const field = form.querySelector<HTMLElement>(`[name="${issue.path.join('.')}"]`)
      setProblem(t('programme.console.invalid', { where: whereInDraft(draft, issue.path, field, t), text: issue.path.at(-1) === 'end' && issue.issue === 'invalid' ? t('programme.console.endBeforeStart') : fieldIssueText(t, issue) }))
      if (field) {
        field.setAttribute('aria-invalid', 'true')
        field.setAttribute('aria-describedby', PROBLEM_ID)
        field.focus()
      }
      return
    }
    // Two work phases at the same time would let a person hold a seat in two rooms at once.
    const overlap = overlappingPhases(parsed.data)
    if (overlap) {
      const [first, second] = overlap
      setProblem(t('programme.console.phasesOverlap', { first: `${first.title} (${first.start}–${first.end})`, second: `${second.title} (${second.start}–${second.end})` }))
      const field = form.querySelector<HTMLElement>(`[name="items.${parsed.data.items.indexOf(second)}.start"]`)
      field?.setAttribute('aria-invalid', 'true')
      field?.setAttribute('aria-describedby', PROBLEM_ID)
      field?.focus()
      return
    }
    setProblem(null)
    await onSave(parsed.data)
  }

  return (
    <form ref={form} className="programme-editor" onSubmit={(e) => void submit(e)} onKeyDown={keepEnter} noValidate>
      {shifted && <p className="muted">{t('programme.console.shiftsFolded')}</p>}
      <label>
        {t('programme.console.date')}
        <input type="date" value={draft.date ?? ''} aria-describedby={eventDate && draft.date !== eventDate ? 'programme-date-differs' : undefined} onChange={(e) => setDraft((d) => ({ ...d, date: e.target.value || null }))} />
      </label>
      {eventDate && draft.date !== eventDate && (
        <p id="programme-date-differs" className="muted">
          {t('programme.console.dateDiffers', { date: formatEventDate(eventDate, language) })}
        </p>
      )}
      {draft.items.map((item, i) => (
        <fieldset key={item.id}>
          <legend>
            {item.start}–{item.end} {item.title}
          </legend>
          <label>
            {t('programme.console.kind')}
            <select value={item.kind} onChange={(e) => setItem(i, { kind: e.target.value as ProgrammeItem['kind'] })}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`programme.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('programme.console.start')}
            <input type="time" value={item.start} required name={`items.${i}.start`} onChange={(e) => setItem(i, { start: e.target.value })} />
          </label>
          <label>
            {t('programme.console.end')}
            <input type="time" value={item.end} required name={`items.${i}.end`} onChange={(e) => setItem(i, { end: e.target.value })} />
          </label>
          <label>
            {t('programme.console.itemTitle')}
            <input type="text" value={item.title} maxLength={200} required name={`items.${i}.title`} onChange={(e) => setItem(i, { title: e.target.value })} />
          </label>
          <label>
            {t('programme.console.subtitle')}
            <input type="text" value={item.subtitle} maxLength={300} name={`items.${i}.subtitle`} onChange={(e) => setItem(i, { subtitle: e.target.value })} />
          </label>
          <label>
            {t('programme.console.roomLabel')}
            <input type="text" value={item.room} maxLength={120} name={`items.${i}.room`} onChange={(e) => setItem(i, { room: e.target.value })} />
          </label>
          <label>
            {t('programme.console.peopleLabel')}
            <textarea value={item.people.join('\n')} rows={2} name={`items.${i}.people`} onChange={(e) => setItem(i, { people: lines(e.target.value) })} />
          </label>
          {item.kind !== 'work-phase' && (
            <label>
              {t('programme.console.description')}
              <textarea name={`items.${i}.description`} value={item.description} rows={3} maxLength={4000} onChange={(e) => setItem(i, { description: e.target.value })} />
            </label>
          )}
          <button
            type="button"
            className="secondary"
            aria-label={t('programme.console.removeItemNamed', { title: item.title })}
            onClick={() => mayRemove(item.workshops, (count) => t('programme.console.removeItemBooked', { title: item.title, count })) && setDraft((d) => ({ ...d, items: d.items.filter((_, j) => j !== i) }))}
          >
            {t('programme.console.removeItem')}
          </button>
          {item.kind === 'work-phase' && (
            <div className="programme-editor-workshops">
              {item.workshops.map((w, j) => (
                <fieldset key={w.id}>
                  <legend>{t('programme.workshop', { number: w.number })}</legend>
                  <label>
                    {t('programme.console.number')}
                    <input type="number" min={1} max={999} value={w.number} name={`items.${i}.workshops.${j}.number`} onChange={(e) => setWorkshop(i, j, { number: Math.round(Number(e.target.value) || 1) })} />
                  </label>
                  <label>
                    {t('programme.console.itemTitle')}
                    <input type="text" value={w.title} maxLength={200} required name={`items.${i}.workshops.${j}.title`} onChange={(e) => setWorkshop(i, j, { title: e.target.value })} />
                  </label>
                  <label>
                    {t('programme.console.subtitle')}
                    <input type="text" value={w.subtitle} maxLength={300} name={`items.${i}.workshops.${j}.subtitle`} onChange={(e) => setWorkshop(i, j, { subtitle: e.target.value })} />
                  </label>
                  <label>
                    {t('programme.console.roomLabel')}
                    <input type="text" value={w.room} maxLength={120} name={`items.${i}.workshops.${j}.room`} onChange={(e) => setWorkshop(i, j, { room: e.target.value })} />
                  </label>
                  <label>
                    {t('programme.console.capacity')}
                    <input type="number" min={1} max={5000} value={w.capacity ?? ''} placeholder={t('programme.console.unlimited')} name={`items.${i}.workshops.${j}.capacity`} onChange={(e) => setWorkshop(i, j, { capacity: e.target.value === '' ? null : Math.round(Number(e.target.value)) })} />
                  </label>
                  <label>
                    {t('programme.console.threshold')}
                    <input type="number" min={5} max={100} value={Math.round(w.threshold * 100)} name={`items.${i}.workshops.${j}.threshold`} onChange={(e) => setWorkshop(i, j, { threshold: Math.min(1, Math.max(0.05, Number(e.target.value) / 100)) })} />
                  </label>
                  <label>
                    {t('programme.console.speakersLabel')}
                    <textarea value={w.speakers.join('\n')} rows={2} name={`items.${i}.workshops.${j}.speakers`} onChange={(e) => setWorkshop(i, j, { speakers: lines(e.target.value) })} />
                  </label>
                  <label>
                    {t('programme.console.description')}
                    <textarea value={w.description} rows={3} maxLength={4000} name={`items.${i}.workshops.${j}.description`} onChange={(e) => setWorkshop(i, j, { description: e.target.value })} />
                  </label>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('programme.console.removeWorkshopNamed', { number: w.number, title: w.title })}
                    onClick={() => {
                      // People who chose it lose their choice with it: said, with how many, before.
                      if (mayRemove([w], (count) => t('programme.console.removeBooked', { number: w.number, count }))) setItem(i, { workshops: item.workshops.filter((_, k) => k !== j) })
                    }}
                  >
                    {t('programme.console.removeWorkshop')}
                  </button>
                </fieldset>
              ))}
              <button type="button" className="secondary" onClick={() => addWorkshop(i)}>
                {t('programme.console.addWorkshop')}
              </button>
            </div>
          )}
        </fieldset>
      ))}
      <p>
        <button type="button" className="secondary" onClick={addItem}>
          {t('programme.console.addItem')}
        </button>
      </p>
      {/* Kept in sight at the foot of the screen while the marked field (far above in a long day) is mended. */}
      {problem && (
        <p id={PROBLEM_ID} className="field-error programme-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary">
        {t('programme.console.save')}
      </button>{' '}
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          {t('programme.console.cancel')}
        </button>
      )}
    </form>
  )
}

/** Where in the programme a problem is, as the form names it: "„Arbeitsphase II“ (14:00–13:30) › Workshop 6 › Ende". */
function whereInDraft(draft: Programme, path: readonly (string | number)[], field: HTMLElement | null, t: Translate): string {
  const item = path[0] === 'items' && typeof path[1] === 'number' ? draft.items[path[1]] : undefined
  const workshop = item && path[2] === 'workshops' && typeof path[3] === 'number' ? item.workshops[path[3]] : undefined
  const label = field?.closest('label')?.firstChild?.textContent?.trim()
  return [item && `${t('common.quoted', { text: item.title })} (${item.start}–${item.end})`, workshop && t('programme.workshop', { number: workshop.number }), label].filter(Boolean).join(' › ') || t('programme.title')
}
