import { EMPTY_FRAMING, type EventFraming, FRAMING_ORGANISERS_MAX, FRAMING_TEXT_MAX, LOGO_BYTES_MAX, LOGO_PIXELS_MAX, LOGO_SIDE_MAX } from '@tischrunde/shared'
import { useEffect, useId, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/framing-wording.js'
import { ApiFailure } from '../../sync/api.js'
import { framingApi, isLogoType } from './framing-api.js'
import './framing.css'

const LOGO_KB = Math.floor(LOGO_BYTES_MAX / 1024)
type Status = { kind: 'message' | 'error'; text: string } | null

/**
 * The documentation's framing, edited by the facilitator: subtitle, organisers (names and logos),
 * introduction and Ausblick. Saved with the event; the exports put it on the title page and into
 * chapters of their own.
 */
export default function FramingForm({ eventId, token }: { eventId: string; token: string }) {
  const { t } = useTranslation()
  const id = useId()
  const [framing, setFraming] = useState<EventFraming | null>(null)
  const [loadFailed, setLoadFailed] = useState(false)
  const [status, setStatus] = useState<Status>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    framingApi.get(eventId, token).then(setFraming, () => (setLoadFailed(true), setFraming(EMPTY_FRAMING)))
  }, [eventId, token])
  if (!framing) return null

  const failed = (err: unknown) => {
    const failure = (err instanceof ApiFailure ? err : new ApiFailure({ code: 'INTERNAL' })).failure
    // A logo of too many pixels (sides or area): said in the picture's terms, not as a number field's.
    const params = failure.code === 'INVALID_MESSAGE' ? (failure.params as { path?: unknown[]; issue?: string; origin?: string } | undefined) : undefined
    if (params?.path?.[0] === 'logo' && params.issue === 'too_big' && params.origin === 'number')
      return setStatus({ kind: 'error', text: t('framing.logoTooLarge', { side: LOGO_SIDE_MAX, megapixels: LOGO_PIXELS_MAX / 1_000_000 }) })
    setStatus({ kind: 'error', text: errorText(t, failure) })
  }
  const organisers = framing.organisers
  const setOrganiser = (i: number, change: Partial<EventFraming['organisers'][number]>) =>
    setFraming({ ...framing, organisers: organisers.map((o, j) => (j === i ? { ...o, ...change } : o)) })

  const upload = (i: number, file: File | undefined) => {
    if (!file) return
    if (!isLogoType(file.type)) return setStatus({ kind: 'error', text: t('framing.logoWrongType') })
    if (file.size > LOGO_BYTES_MAX) return setStatus({ kind: 'error', text: t('framing.logoTooBig', { kb: LOGO_KB }) })
    setBusy(true)
    setStatus({ kind: 'message', text: t('framing.logoUploading') })
    framingApi
      .uploadLogo(eventId, token, file)
      .then((logoId) => (setOrganiser(i, { logoId }), setStatus({ kind: 'message', text: t('framing.logoUploaded') })), failed)
      .finally(() => setBusy(false))
  }

  return (
    <section className="panel console-framing" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('framing.title')}</h2>
      <p className="muted">{t('framing.intro')}</p>
      {loadFailed && <p className="field-error">{t('framing.loadFailed')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setStatus(null)
          setBusy(true)
          framingApi
            .save(eventId, token, framing)
            .then((saved) => (setFraming(saved), setStatus({ kind: 'message', text: t('framing.saved') })), failed)
            .finally(() => setBusy(false))
        }}
      >
        <p className="field">
          <label htmlFor={`${id}-subtitle`}>{t('framing.subtitle')}</label>
          <input id={`${id}-subtitle`} type="text" maxLength={300} aria-describedby={`${id}-subtitle-hint`} value={framing.subtitle} onChange={(e) => setFraming({ ...framing, subtitle: e.target.value })} />
          <span id={`${id}-subtitle-hint`} className="muted">
            {t('framing.subtitleHint')}
          </span>
        </p>
        <fieldset>
          <legend>{t('framing.organisers')}</legend>
          {organisers.length > 0 && (
            <ol className="framing-organisers">
              {organisers.map((organiser, i) => (
                <li key={i} className="framing-organiser" data-focus-item={i}>
                  <p className="field">
                    <label htmlFor={`${id}-org-${i}`}>{t('framing.organiserName', { n: i + 1 })}</label>
                    <input id={`${id}-org-${i}`} type="text" required maxLength={160} value={organiser.name} onChange={(e) => setOrganiser(i, { name: e.target.value })} />
                  </p>
                  <div className="framing-logo-row">
                    {organiser.logoId ? (
                      <>
                        <LogoPreview eventId={eventId} token={token} logoId={organiser.logoId} alt={t('framing.logoAlt', { name: organiser.name })} />
                        <button type="button" className="secondary" onClick={() => setOrganiser(i, { logoId: null })}>
                          {t('framing.logoRemove', { n: i + 1 })}
                        </button>
                      </>
                    ) : (
                      <p className="field">
                        <label htmlFor={`${id}-logo-${i}`}>{t('framing.logo', { n: i + 1, kb: LOGO_KB })}</label>
                        <input id={`${id}-logo-${i}`} type="file" accept="image/png,image/jpeg" disabled={busy} onChange={(e) => upload(i, e.target.files?.[0])} />
                      </p>
                    )}
                    <button type="button" className="secondary" onClick={() => setFraming({ ...framing, organisers: organisers.filter((_, j) => j !== i) })}>
                      {t('framing.organiserRemove', { n: i + 1 })}
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          )}
          {organisers.length < FRAMING_ORGANISERS_MAX ? (
            <button type="button" className="secondary" onClick={() => setFraming({ ...framing, organisers: [...organisers, { name: '', logoId: null }] })}>
              {t('framing.organiserAdd')}
            </button>
          ) : (
            <p className="muted">{t('framing.organisersFull', { max: FRAMING_ORGANISERS_MAX })}</p>
          )}
        </fieldset>
        {(['intro', 'outlook'] as const).map((field) => (
          <p key={field} className="field">
            <label htmlFor={`${id}-${field}`}>{t(`framing.${field}Text`)}</label>
            <textarea id={`${id}-${field}`} rows={5} maxLength={FRAMING_TEXT_MAX} aria-describedby={`${id}-paragraphs`} value={framing[field]} onChange={(e) => setFraming({ ...framing, [field]: e.target.value })} />
          </p>
        ))}
        <p id={`${id}-paragraphs`} className="muted">
          {t('framing.paragraphHint')}
        </p>
        <button type="submit" disabled={busy}>
          {t('framing.save')}
        </button>
        <p role="status" className={status?.kind === 'error' ? 'field-error' : 'muted'}>
          {status?.text}
        </p>
      </form>
    </section>
  )
}

/** The uploaded logo, fetched with the facilitator's key (an <img> cannot send it). */
function LogoPreview({ eventId, token, logoId, alt }: { eventId: string; token: string; logoId: string; alt: string }) {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    let made: string | null = null
    let live = true
    framingApi.logoUrl(eventId, token, logoId).then((u) => {
      made = u
      if (live) setUrl(u)
      else if (u) URL.revokeObjectURL(u)
    })
    return () => {
      live = false
      if (made) URL.revokeObjectURL(made)
    }
  }, [eventId, token, logoId])
  return url ? <img className="framing-logo" src={url} alt={alt} /> : null
}
