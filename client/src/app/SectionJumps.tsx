import { type MouseEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from '../i18n/index.js'

interface Jump {
  id: string
  text: string
}

/**
 * The parts of `main` to jump to: its headings of level 2 that have an id and are seen (not only
 * heard), and lower ones marked `data-jump` (the solution tree, hundreds of stops below the problem tree).
 */
function jumpsIn(main: HTMLElement): Jump[] {
  return [...main.querySelectorAll<HTMLHeadingElement>('h2[id], h3[id][data-jump]')]
    .filter((h) => !h.closest('.visually-hidden, .console-bar') && !h.classList.contains('visually-hidden') && h.textContent?.trim())
    .map((h) => ({ id: h.id, text: h.textContent!.trim() }))
}

/**
 * "Springen zu": a line of links to the parts of a long screen (the console's actor table alone holds
 * hundreds of stops for the Tab key), each moving the focus to its part's heading. The list follows
 * the parts as they load and come and go.
 */
export function SectionJumps() {
  const { t } = useTranslation()
  const nav = useRef<HTMLElement>(null)
  const [jumps, setJumps] = useState<Jump[]>([])
  useEffect(() => {
    const main = nav.current?.closest('main')
    if (!main) return
    let frame = 0
    const look = () => {
      frame = 0
      const found = jumpsIn(main)
      setJumps((now) => (JSON.stringify(now) === JSON.stringify(found) ? now : found))
    }
    look()
    // Parts load later (split-off code) and appear with the day; one look per frame at most.
    const watch = new MutationObserver(() => (frame ||= requestAnimationFrame(look)))
    watch.observe(main, { childList: true, subtree: true, characterData: true })
    return () => {
      watch.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [])
  const jump = (e: MouseEvent, id: string) => {
    e.preventDefault()
    // The address keeps its query and no hash (links carry keys in the fragment): move the focus only.
    const heading = document.getElementById(id)
    if (!heading) return
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1
    heading.focus()
  }
  return (
    <nav ref={nav} className="section-jumps" aria-label={t('console.jumpTo')}>
      {jumps.length > 1 && (
        <>
          <span className="muted">{t('console.jumpTo')}:</span>
          <ul>
            {jumps.map((j) => (
              <li key={j.id}>
                <a href={`#${j.id}`} onClick={(e) => jump(e, j.id)}>
                  {j.text}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  )
}
