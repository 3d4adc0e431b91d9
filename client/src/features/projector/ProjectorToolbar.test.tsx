import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ProjectorToolbar } from './ProjectorToolbar.js'
import { ShortcutsOverlay } from './ShortcutsOverlay.js'

const noop = () => {}

describe('the projector toolbar', () => {
  it('marks the current view and switches views by click', () => {
    const onMode = vi.fn()
    render(<ProjectorToolbar mode="wall" onMode={onMode} muted={false} onMute={noop} fullscreen={false} onFullscreen={noop} onHelp={noop} />)
    expect(screen.getByRole('button', { name: '2 Alle Tische' }).getAttribute('aria-current')).toBe('page')
    fireEvent.click(screen.getByRole('button', { name: '3 Sichtung der Ergebnisse' }))
    expect(onMode).toHaveBeenCalledWith('review')
  })

  it('says when the sound is off', () => {
    const { rerender } = render(<ProjectorToolbar mode="table" onMode={noop} muted={false} onMute={noop} fullscreen={false} onFullscreen={noop} onHelp={noop} />)
    expect(screen.getByRole('button', { name: 'Ton an' }).getAttribute('aria-pressed')).toBe('false')
    rerender(<ProjectorToolbar mode="table" onMode={noop} muted onMute={noop} fullscreen onFullscreen={noop} onHelp={noop} />)
    expect(screen.getByRole('button', { name: 'Ton aus' }).getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByRole('button', { name: 'Vollbild beenden' })).toBeTruthy()
  })
})

describe('the shortcut overlay', () => {
  it('lists every shortcut and puts the focus on its close button', () => {
    const onClose = vi.fn()
    render(<ShortcutsOverlay onClose={onClose} />)
    expect(screen.getByRole('dialog', { name: 'Tastenkürzel' })).toBeTruthy()
    expect(screen.getAllByRole('definition').map((d) => d.textContent)).toContain('Vollbild an/aus')
    expect(screen.getAllByRole('definition')).toHaveLength(10)
    const close = screen.getByRole('button', { name: 'Schließen' })
    expect(document.activeElement).toBe(close)
    fireEvent.click(close)
    expect(onClose).toHaveBeenCalled()
  })
})
