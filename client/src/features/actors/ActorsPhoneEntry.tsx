import './actors.css'
import { useTranslation } from '../../i18n/index.js'

/** The phone's way into the actor map (read-only), below the board. Its two words are in the main wording: the actor map's own come with ActorPhone. */
export default function ActorsPhoneEntry({ onOpen }: { onOpen(): void }) {
  const { t } = useTranslation()
  return (
    <aside className="actor-phone-entry" aria-label={t('actors.phoneTitle')}>
      <button type="button" className="secondary" onClick={onOpen}>
        {t('actors.phoneOpen')}
      </button>
    </aside>
  )
}
