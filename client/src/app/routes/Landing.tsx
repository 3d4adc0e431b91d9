import { METHOD_TEMPLATES, createEventRequestSchema, firstFieldIssue, joinCodeSchema, methodTemplateIn } from '@tischrunde/shared'
import { DEFAULT_RETENTION_DAYS, EMPTY_PRIVACY_NOTICE, MAX_RETENTION_DAYS, type PrivacyNotice } from '@tischrunde/shared'
import { NoticeChoice, RetentionChoice, applyNoticeChoice, applyRetentionChoice, retentionDaysOf } from '../../features/privacy/RetentionChoice.js'
import { type FormEvent, useEffect, useState } from 'react'
import { errorText, fieldIssueText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import { useLocation } from 'wouter'
import { ApiFailure, api } from '../../sync/api.js'
import { forgetLinkToken, keepLinkToken, readAdminKey } from '../../sync/device-storage.js'
import { withQuery } from '../../sync/links.js'
import { LanguageSwitch } from '../LanguageSwitch.js'
import { AddressChoice, MethodChoice, type MethodChoiceId } from './landing/MethodChoice.js'
import { TREE_DAY, treeDayDefaults, treeDayRequest } from './landing/tree-day.js'
import { PROGRAMME_DAY } from './landing/programme-day.js'
import '../../i18n/landing-wording.js'

/** The admin key in what was pasted: the printed admin link (`…/admin#k=<key>`) or the key alone. */
export function adminKeyFrom(input: string): string | null {
  const text = input.trim()
  const match = /#k=([^&\s]+)/.exec(text)
  try {
    const key = match?.[1] ? decodeURIComponent(match[1]) : text
    return key.length >= 10 ? key : null
  } catch {
    return null
  }
}

/**
 * Start page: participants type their code; facilitators create an event. Creating needs the
 * installation's admin link unless the server opens creation to everyone: a device that opened
 * the admin link uses its key, any other is asked to paste the link.
 */
export default function Landing() {
  const { t, language } = useTranslation()
  const [, navigate] = useLocation()
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | null>(null)
  const [retentionDays, setRetentionDays] = useState(String(DEFAULT_RETENTION_DAYS))
  const [notice, setNotice] = useState<PrivacyNotice>(EMPTY_PRIVACY_NOTICE)
  const [form, setForm] = useState({ title: '', date: new Date().toISOString().slice(0, 10), place: '', tables: '', maxPerTable: '' })
  const [method, setMethod] = useState<MethodChoiceId>(METHOD_TEMPLATES[0].id)
  // Until typed over, a tree day's groups and attribute are the proposal in the shown language.
  const [typedGroups, setGroups] = useState<string | null>(null)
  const [typedAttribute, setAttribute] = useState<string | null>(null)
  // A café has theme tables; a tree day its groups, a day of workshops its programme instead.
  const cafe = method !== TREE_DAY && method !== PROGRAMME_DAY
  const groups = typedGroups ?? treeDayDefaults(language).groups
  const attribute = typedAttribute ?? treeDayDefaults(language).attribute
  const [address, setAddress] = useState<'du' | 'sie'>('du')
  const [createError, setCreateError] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const [knownKey, setKnownKey] = useState(() => readAdminKey())
  const [needsKey, setNeedsKey] = useState(false)
  const [adminLink, setAdminLink] = useState('')
  // A device without the admin link (a participant's phone, most likely) sees the code first: the
  // form to create an event waits behind one button.
  const [createOpen, setCreateOpen] = useState(false)
  useEffect(() => {
    let live = true
    api.instance().then(
      (info) => live && setNeedsKey(info.eventCreation === 'admin_key'),
      () => {},
    )
    return () => {
      live = false
    }
  }, [])

  const join = (e: FormEvent) => {
    e.preventDefault()
    const parsed = joinCodeSchema.safeParse(code)
    if (!parsed.success) return setCodeError(fieldIssueText(t, firstFieldIssue(parsed.error)))
    navigate(`/j/${parsed.data}`)
  }

  const create = async (e: FormEvent) => {
    e.preventDefault()
    const most = form.maxPerTable.trim() === '' ? null : Number(form.maxPerTable)
    const request = {
      title: form.title,
      date: form.date,
      place: form.place,
      tableNames: cafe ? form.tables.split('\n').map((s) => s.trim()).filter(Boolean) : [],
      template: method === TREE_DAY ? undefined : methodTemplateIn(METHOD_TEMPLATES.find((m) => m.id === method) ?? METHOD_TEMPLATES[0], language),
      address,
      ...(method === TREE_DAY ? treeDayRequest(groups, attribute, most, language) : { maxPerTable: cafe ? most : null }),
    }
    const parsed = createEventRequestSchema.safeParse(request)
    if (!parsed.success) return setCreateError(fieldIssueText(t, firstFieldIssue(parsed.error), { label: true }))
    // A period typed that cannot be kept is said, not quietly replaced by the default.
    if (retentionDays.trim() !== '' && retentionDaysOf(retentionDays) === null) return setCreateError(t('privacy.retentionChoiceInvalid', { max: MAX_RETENTION_DAYS }))
    const typedKey = adminKeyFrom(adminLink)
    const key = knownKey ?? typedKey
    if (needsKey && !key) return setCreateError(t('errors.UNAUTHORIZED_admin_key'))
    setCreating(true)
    try {
      const created = await api.createEvent(request, key)
      if (typedKey && !knownKey) keepLinkToken('instance', 'admin', typedKey)
      await Promise.all([applyRetentionChoice(created, retentionDaysOf(retentionDays)), applyNoticeChoice(created, notice)])
      // `neu=1`: the console shows the facilitator link once, prominently, to be saved now.
      window.location.assign(withQuery(created.links.facilitator, 'neu', '1'))
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'UNAUTHORIZED') {
        setNeedsKey(true)
        // The key this device kept is refused (an old link was opened): forget it and ask for the right one.
        if (knownKey && !typedKey) {
          forgetLinkToken('instance', 'admin')
          setKnownKey(null)
          setCreateOpen(true)
        }
      }
      setCreateError(error instanceof ApiFailure ? errorText(t, error.failure) : t('common.error'))
      setCreating(false)
    }
  }

  return (
    <main className="page landing">
      <header className="landing-header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <p className="tagline">{t('app.tagline')}</p>
      <div className="landing-grid">
        <form className="panel" onSubmit={join} noValidate>
          <h2>{t('landing.joinTitle')}</h2>
          <p>{t('landing.joinHint')}</p>
          <label htmlFor="join-code">{t('landing.codeLabel')}</label>
          <input id="join-code" className="code-input" value={code} autoComplete="off" autoCapitalize="characters" maxLength={9} aria-describedby="join-error" onChange={(e) => setCode(e.target.value)} />
          <p id="join-error" className="field-error" role="alert">
            {codeError}
          </p>
          <button type="submit" className="primary">
            {t('landing.joinButton')}
          </button>
        </form>
        {needsKey && !knownKey && !createOpen ? (
          <section className="panel" aria-labelledby="create-title">
            <h2 id="create-title">{t('landing.createTitle')}</h2>
            <p>{t('landing.createClosedHint')}</p>
            <button type="button" className="secondary" onClick={() => setCreateOpen(true)}>
              {t('landing.createOpen')}
            </button>
          </section>
        ) : (
          <form className="panel" onSubmit={(e) => void create(e)} noValidate>
            <h2>{t('landing.createTitle')}</h2>
            <p>{t('landing.createHint')}</p>
            <label htmlFor="ev-title">{t('landing.title')}</label>
            <input id="ev-title" value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
            <label htmlFor="ev-date">{t('landing.date')}</label>
            <input id="ev-date" type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
            <label htmlFor="ev-place">{t('landing.place')}</label>
            <input id="ev-place" value={form.place} onChange={(e) => setForm({ ...form, place: e.target.value })} />
            {cafe && (
              <>
                <label htmlFor="ev-tables">{t('landing.tables')}</label>
                <textarea id="ev-tables" rows={4} value={form.tables} onChange={(e) => setForm({ ...form, tables: e.target.value })} />
              </>
            )}
            <MethodChoice value={method} onChange={setMethod} groups={groups} onGroups={setGroups} attribute={attribute} onAttribute={setAttribute} />
            <AddressChoice value={address} onChange={setAddress} />
            {/* At most so many people: per table at a café, per small group on a tree day (more with one value are split into A, B, …); a workshop's seats are its own. */}
            {method !== PROGRAMME_DAY && (
              <>
                <label htmlFor="ev-max">{t(method === TREE_DAY ? 'landing.maxPerGroup' : 'landing.maxPerTable')}</label>
                <input id="ev-max" type="number" inputMode="numeric" min={2} max={method === TREE_DAY ? 500 : 100} value={form.maxPerTable} aria-describedby="ev-max-hint" onChange={(e) => setForm({ ...form, maxPerTable: e.target.value })} />
                <p id="ev-max-hint" className="muted">
                  {t(method === TREE_DAY ? 'landing.maxPerGroupHint' : 'landing.maxPerTableHint')}
                </p>
              </>
            )}
            <RetentionChoice value={retentionDays} onChange={setRetentionDays} />
            <NoticeChoice notice={notice} onChange={setNotice} />
            {needsKey && knownKey && <p className="muted">{t('landing.adminKeyKnown')}</p>}
            {needsKey && !knownKey && (
              <>
                <label htmlFor="ev-admin">{t('landing.adminKeyLabel')}</label>
                <input id="ev-admin" type="password" autoComplete="off" value={adminLink} aria-describedby="ev-admin-hint" onChange={(e) => setAdminLink(e.target.value)} />
                <p id="ev-admin-hint" className="muted">
                  {t('landing.adminKeyHint')}
                </p>
              </>
            )}
            <p className="field-error" role="alert">
              {createError}
            </p>
            <button type="submit" className="primary" disabled={creating}>
              {creating ? t('landing.creating') : t('landing.createButton')}
            </button>
          </form>
        )}
      </div>
    </main>
  )
}
