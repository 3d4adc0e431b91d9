import { type Ack, ErrorCode, type EventSetup, type TischEvent, eventSetupSchema, fail as failure, templateChangeAllowed } from '@tischrunde/shared'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import { type FieldErrors, fieldKeyFor, issuesByField, knownFieldKeys } from './issues-by-field.js'
import { issueText } from './issue-text.js'
import { mergeSetup, sameSetup, setupOf, sortAgenda } from './setup-draft.js'

export type SaveStatus = 'idle' | 'saving' | 'saved'

/** What the editors need to wire an input to its field key: a DOM id, its message, and checking on blur. */
export interface SetupFields {
  id(key: string): string
  error(key: string): string | undefined
  blur(key: string): void
}

/**
 * The facilitator's working copy of an event's setup. Changes from the server are taken over while
 * there is nothing unsaved; otherwise into every part the draft did not change, and `outdated` says
 * someone else saved a part the draft changed too.
 */
export function useSetupDraft(event: TischEvent, started: boolean, onSave: (setup: EventSetup) => Promise<Ack>) {
  const { t } = useTranslation()
  const baseId = useId()
  const incoming = useMemo(() => setupOf(event), [event])
  const [seen, setSeen] = useState(incoming)
  const [baseline, setBaseline] = useState(incoming)
  const [draft, setDraft] = useState(incoming)
  const [outdated, setOutdated] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [status, setStatus] = useState<SaveStatus>('idle')
  const [focusRequest, setFocusRequest] = useState<{ key: string } | null>(null)

  // A new event from the server (adjusting state during render, so there is no flash of old values).
  if (seen !== incoming) {
    setSeen(incoming)
    if (!sameSetup(incoming, baseline)) {
      if (sameSetup(draft, baseline)) setDraft(incoming)
      else if (status !== 'saving') {
        // Someone else saved: their changes join the draft where it changed nothing; only a part both changed is outdated.
        const { merged, conflict } = mergeSetup(baseline, draft, incoming)
        setDraft(merged)
        if (conflict) setOutdated(true)
      } // while saving, this is most likely our own change coming back
      setBaseline(incoming)
    }
  }

  const dirty = useMemo(() => !sameSetup(draft, baseline), [draft, baseline])
  const idFor = useCallback((key: string) => `${baseId}-${key.replace(/\./g, '-')}`, [baseId])
  const check = useCallback(
    (d: EventSetup): FieldErrors => {
      const parsed = eventSetupSchema.safeParse(d)
      return parsed.success ? {} : issuesByField(parsed.error, (issue) => issueText(issue, t), knownFieldKeys(d))
    },
    [t],
  )

  /** Replaces one part of the draft. `reshaped`: rows were added, removed or moved, so messages by index no longer fit. */
  const change = <K extends keyof EventSetup>(part: K, value: EventSetup[K], reshaped = false) => {
    const next = { ...draft, [part]: value }
    setDraft(next)
    setFormError(null)
    setStatus((s) => (s === 'saving' ? s : 'idle'))
    setErrors((current) => {
      const inPart = Object.keys(current).filter((k) => k === part || k.startsWith(`${part}.`))
      if (inPart.length === 0) return current
      const rest = { ...current }
      for (const k of inPart) delete rest[k]
      if (reshaped) return rest
      // Re-check only fields already showing a message, so it disappears as soon as the input is fixed.
      const now = check(next)
      for (const k of inPart) if (now[k]) rest[k] = now[k]
      return rest
    })
  }

  const blur = useCallback(
    (key: string) => {
      const message = check(draft)[key]
      setErrors((current) => {
        if (current[key] === message) return current
        const next = { ...current }
        if (message) next[key] = message
        else delete next[key]
        return next
      })
    },
    [check, draft],
  )

  const fail = (found: FieldErrors, top: string | null) => {
    setErrors(found)
    setFormError(top)
    const first = Object.keys(found).find((k) => k !== '')
    if (first) setFocusRequest({ key: first })
  }

  const save = async () => {
    if (status === 'saving') return
    const parsed = eventSetupSchema.safeParse(draft)
    if (!parsed.success) {
      const found = issuesByField(parsed.error, (issue) => issueText(issue, t), knownFieldKeys(draft))
      return fail(found, found[''] ?? t('setup.checkFields'))
    }
    const setup: EventSetup = { ...parsed.data, agenda: sortAgenda(parsed.data.agenda) }
    if (!templateChangeAllowed(started, baseline.template, setup.template))
      return fail({ template: t('setup.errors.templateLocked') }, t('setup.notSaved'))
    // Show what is sent (trimmed, sorted), so a refusal's path points at the rows as the server saw them.
    setDraft(setup)
    setErrors({})
    setFormError(null)
    setStatus('saving')
    const ack = await onSave(setup).catch((): Ack => failure(ErrorCode.NETWORK))
    if (ack.ok) {
      setBaseline(setup)
      setOutdated(false)
      setStatus('saved')
      return
    }
    setStatus('idle')
    const path = ack.code === ErrorCode.INVALID_MESSAGE ? (ack.params?.path ?? ack.path) : ack.code === ErrorCode.NOT_NOW && ack.params?.reason === 'TEMPLATE_LOCKED' ? ['template'] : undefined
    const key = path ? fieldKeyFor(path, knownFieldKeys(setup)) : ''
    if (key) fail({ [key]: errorText(t, ack, { label: false }) }, t('setup.notSaved'))
    else fail({}, ack.code === ErrorCode.NETWORK ? t('setup.saveFailed') : errorText(t, ack))
  }

  const discard = () => {
    setDraft(baseline)
    setErrors({})
    setFormError(null)
    setOutdated(false)
    setStatus('idle')
  }

  useEffect(() => {
    if (focusRequest) document.getElementById(idFor(focusRequest.key))?.focus()
  }, [focusRequest, idFor])

  // Closing or reloading the tab would lose the draft: let the browser ask first.
  useEffect(() => {
    if (!dirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  const fields: SetupFields = useMemo(() => ({ id: idFor, error: (key) => errors[key], blur }), [idFor, errors, blur])

  return { draft, change, fields, dirty, outdated, formError, status, save, discard }
}
