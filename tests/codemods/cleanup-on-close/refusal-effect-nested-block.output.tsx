import { useEffect } from 'react';

export function useTicker(enabled: boolean, onTick: () => void): void {
  useEffect(() => {
    if (enabled) {
      /* leakguard-todo(cleanup-on-close): the work starts in a nested block of the effect: keep its handle in a variable of the effect itself and release it in the cleanup the effect returns */
      setInterval(onTick, 1000);
    }
  }, [enabled, onTick]);
}
