/// <reference lib="dom" />
/** @jsx h */
import { useEffect } from 'react';
declare function h(type: unknown, props: unknown, ...children: unknown[]): unknown;

export function Clock({ onTick }: { onTick: () => void }) {
  useEffect(() => {
    setInterval(onTick, 1000);
    window.addEventListener('focus', () => onTick());
  }, [onTick]);
  return <span />;
}
