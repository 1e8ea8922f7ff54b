/// <reference lib="dom" />
/** @jsx h */
import { useEffect } from 'react';
declare function h(type: unknown, props: unknown, ...children: unknown[]): unknown;

export function Clock({ onTick }: { onTick: () => void }) {
  useEffect(() => {
    const interval = setInterval(onTick, 1000);
    const onFocus = () => onTick();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(interval);
      window.removeEventListener('focus', onFocus);
    };
  }, [onTick]);
  return <span />;
}
