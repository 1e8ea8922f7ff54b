import { useEffect } from 'react';

export function useTicker(enabled: boolean, onTick: () => void): void {
  useEffect(() => {
    if (enabled) {
      setInterval(onTick, 1000);
    }
  }, [enabled, onTick]);
}
