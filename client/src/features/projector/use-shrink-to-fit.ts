import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react'

/**
 * A projector cannot scroll: the type scale (1: full size, the screen's CSS reads it as a variable)
 * at which `box` holds its content without overflowing, found step by step (0.05 at a time, down to
 * `min`). `content` names what the box shows: a change, or a new window size, starts again at full
 * size. `layout` is that key with the window's size; a caller that does more once the smallest scale
 * still overflows keys its own state by it.
 */
export function useShrinkToFit<E extends HTMLElement>(content: string, min: number, max = 1): { box: RefObject<E | null>; scale: number; layout: string } {
  const box = useRef<E>(null)
  const [size, setSize] = useState(() => `${window.innerWidth}x${window.innerHeight}`)
  useEffect(() => {
    const onResize = () => setSize(`${window.innerWidth}x${window.innerHeight}`)
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  const layout = `${size}|${content}`
  // A screen with room to spare may show its type larger than its base, up to `max`.
  const [fit, setFit] = useState({ layout, scale: max })
  const scale = fit.layout === layout ? fit.scale : max
  // Parts that fill in after the content is drawn (a QR code once the address is known, a font)
  // can make the box overflow later: a change in the size of what it holds looks again.
  const [grown, setGrown] = useState(0)
  useEffect(() => {
    const el = box.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const watch = new ResizeObserver(() => setGrown((n) => n + 1))
    for (const child of el.children) watch.observe(child)
    return () => watch.disconnect()
  }, [layout])
  useLayoutEffect(() => {
    const el = box.current
    if (!el || scale <= min || el.scrollHeight <= el.clientHeight + 1) return
    setFit({ layout, scale: Math.max(min, Math.round((scale - 0.05) * 100) / 100) })
  }, [layout, scale, min, grown])
  return { box, scale, layout }
}
