import { useEffect } from 'react'
import { useTranslation } from '../i18n/index.js'

/** The screens whose tab says what they are: a facilitator keeps console and projector open side by side. */
export type TitledScreen = 'console' | 'projector'

/**
 * Sets the browser tab's title to the event's title, with the screen it is on the console and the
 * projector ("Moderation · Winnenden · Tischrunde"), so tabs and screen readers tell them apart.
 * `document.title` is text by definition: a title such as `<script>…</script>` shows as those
 * characters, never as markup.
 */
export function useDocumentTitle(eventTitle: string | undefined | null, screen?: TitledScreen): void {
  const { t } = useTranslation()
  const prefix = screen ? `${t(screen === 'console' ? 'app.screenConsole' : 'app.screenProjector')} · ` : ''
  useEffect(() => {
    document.title = eventTitle ? `${prefix}${eventTitle} · Tischrunde` : 'Tischrunde'
  }, [eventTitle, prefix])
}
