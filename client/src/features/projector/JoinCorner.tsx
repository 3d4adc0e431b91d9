import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { absolute, usePublicUrl } from '../../sync/links.js'
import { QrCode } from '../qr/QrCode.js'

/** QR code and join code in a corner, so latecomers can join from any view. */
export function JoinCorner({ size = 150 }: { size?: number }) {
  const { t } = useTranslation()
  const joinCode = useTischStore((s) => s.joinCode)
  const { ready } = usePublicUrl()
  if (!joinCode || !ready) return null
  const joinUrl = absolute(`/j/${joinCode}`)
  return (
    <aside className="projector-corner" aria-label={t('projectorModes.join.corner')}>
      <QrCode url={joinUrl} label={t('console.qrAlt', { url: joinUrl })} size={size} />
      <p className="join-code-small">
        <SpelledCode code={joinCode} />
      </p>
    </aside>
  )
}

/** The address to type for those who cannot scan (the join link without its scheme), once it is known. */
export function JoinAddress() {
  const joinCode = useTischStore((s) => s.joinCode)
  const { ready } = usePublicUrl()
  if (!joinCode || !ready) return null
  // A narrow corner breaks the address before its path, never inside the code to type.
  const host = absolute('/').replace(/^https?:\/\//, '').replace(/\/$/, '')
  return (
    <p className="join-url-small">
      {host}
      <wbr />
      <span className="join-url-path">/j/{joinCode}</span>
    </p>
  )
}

/** The big join screen: QR code, address and code, large enough to type from the back row. */
export function JoinScreen({ title }: { title: string }) {
  const { t } = useTranslation()
  const joinCode = useTischStore((s) => s.joinCode)
  const { ready } = usePublicUrl()
  const joinUrl = joinCode && ready ? absolute(`/j/${joinCode}`) : null
  return (
    <section className="projector-join-screen" aria-labelledby="join-title">
      <p className="eyebrow">{title}</p>
      <h1 id="join-title">{t('projectorModes.join.title')}</h1>
      {joinUrl && joinCode ? (
        <div className="join-screen-body">
          <QrCode url={joinUrl} label={t('console.qrAlt', { url: joinUrl })} size={640} />
          <div className="join-screen-text">
            <p className="join-step">{t('projectorModes.join.scan')}</p>
            <p className="join-url">{joinUrl.replace(/^https?:\/\//, '')}</p>
            <p className="join-step">{t('projectorModes.join.orCode')}</p>
            <p className="join-code-huge">
              <SpelledCode code={joinCode} />
            </p>
          </div>
        </div>
      ) : (
        <p className="loading">{t('common.loading')}</p>
      )}
    </section>
  )
}

/** Shows the code as one word and reads it out letter by letter (a screen reader would say "ABCD" as a word). */
function SpelledCode({ code }: { code: string }) {
  const { t } = useTranslation()
  return (
    <>
      <span aria-hidden="true">{code}</span>
      <span className="visually-hidden">{t('projectorModes.join.codeSpelled', { code: code.split('').join(' ') })}</span>
    </>
  )
}
