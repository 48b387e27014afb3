import { useSyncExternalStore } from 'react';

/** Widths up to this many CSS pixels count as a phone (antd's `sm` breakpoint is 576). */
export const PHONE_MAX_WIDTH = 575;

function query(maxWidth: number): MediaQueryList | undefined {
  return typeof window === 'undefined' || !window.matchMedia
    ? undefined
    : window.matchMedia(`(max-width: ${maxWidth}px)`);
}

/** True while the viewport is at most `maxWidth` px wide (a phone), updated as it changes. */
export function useNarrow(maxWidth: number = PHONE_MAX_WIDTH): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = query(maxWidth);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => query(maxWidth)?.matches ?? false,
    () => false,
  );
}
