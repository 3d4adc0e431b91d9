import { useEffect } from 'react'

/**
 * Sets the browser tab's title to the event's title. `document.title` is text by definition: a title
 * such as `<script>…</script>` shows as those characters, never as markup.
 */
export function useDocumentTitle(eventTitle: string | undefined | null): void {
  useEffect(() => {
    document.title = eventTitle ? `${eventTitle} · Tischrunde` : 'Tischrunde'
  }, [eventTitle])
}
