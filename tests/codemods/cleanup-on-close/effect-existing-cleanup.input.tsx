/// <reference lib="dom" />
/** @jsx h */
import { useEffect } from 'react';
declare function h(type: unknown, props: unknown, ...children: unknown[]): unknown;

export function Poller({ poll, onKey }: { poll: () => void; onKey: (event: KeyboardEvent) => void }) {
  useEffect(() => {
    const timer = setInterval(poll, 5000);
    window.addEventListener('keydown', onKey);
    return () => clearInterval(timer);
  }, [poll, onKey]);
  return null;
}
