import { useCallback, useRef } from 'react';

/**
 * A callback ref that keeps a sticky bar just below the app's sticky header.
 * The header sits on top (z-index 10) at `top: 0`, so a bar also stuck at
 * `top: 0` slid under it once the page scrolled, and its filters could no
 * longer be clicked. The header's height changes with the width (the user's
 * name wraps on a phone), so it is measured rather than written into the CSS.
 * A callback ref, because the bar appears only after the page has loaded.
 */
export function useBelowHeader(): (bar: HTMLElement | null) => void {
  const observer = useRef<ResizeObserver | null>(null);
  return useCallback((bar: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    const header = document.querySelector<HTMLElement>('.zp-header');
    if (!bar || !header) return;
    const place = () => bar.style.setProperty('--zp-header-h', `${header.offsetHeight}px`);
    place();
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(place);
    observer.current.observe(header);
  }, []);
}
