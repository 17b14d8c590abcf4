import { useCallback, useSyncExternalStore } from 'react';

/** Phones and narrow tablets: the side menu becomes a drawer at this width and below. */
export const phoneQuery = '(max-width: 768px)';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}

export function useIsPhone(): boolean {
  return useMediaQuery(phoneQuery);
}
