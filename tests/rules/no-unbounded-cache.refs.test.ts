import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * React refs: `useRef(new Set())` keeps its collection for as long as the component stays mounted.
 * Judged on keys from the events it handles or made per call; verdicts from syntax, so both modes agree.
 */
const valid = [
  {
    name: 'a dedup ref trimmed to the newest ids when it passes a cap',
    code: `
import { useCallback, useRef } from 'react';
const MAX_SEEN = 1000;
export function useEvents(onEvent: (id: string) => void) {
  const seenRef = useRef<Set<string>>(new Set());
  return useCallback((message: { data: string }) => {
    const event = JSON.parse(message.data) as { id: string };
    if (seenRef.current.has(event.id)) return;
    seenRef.current.add(event.id);
    if (seenRef.current.size > MAX_SEEN) seenRef.current = new Set(Array.from(seenRef.current).slice(-MAX_SEEN / 2));
    onEvent(event.id);
  }, [onEvent]);
}`,
  },
  {
    name: 'a ref keyed by what the caller passes is not judged',
    code: `
import { useCallback, useRef } from 'react';
export function useLabels(format: (id: string) => string) {
  const labelsRef = useRef(new Map<string, string>());
  const labelOf = (id: string) => {
    if (!labelsRef.current.has(id)) labelsRef.current.set(id, format(id));
    return labelsRef.current.get(id);
  };
  return labelOf;
}`,
  },
  {
    name: 'a ref emptied by the effect cleanup when the component unmounts',
    code: `
import { useEffect, useRef } from 'react';
export function usePending(socket: WebSocket) {
  const pendingRef = useRef(new Map<string, unknown>());
  useEffect(() => {
    const onMessage = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as { id: string };
      pendingRef.current.set(data.id, data);
    };
    socket.addEventListener('message', onMessage);
    return () => {
      socket.removeEventListener('message', onMessage);
      pendingRef.current.clear();
    };
  }, [socket]);
}`,
  },
  {
    name: 'a message list kept in a ref array is what the view shows, not judged',
    code: `
import { useCallback, useRef } from 'react';
export function useLog() {
  const linesRef = useRef<string[]>([]);
  return useCallback((message: { data: string }) => {
    linesRef.current.push(message.data);
  }, []);
}`,
  },
];

const invalid = [
  {
    name: 'a dedup ref that keeps every socket event id the page ever received',
    code: `
import { useCallback, useRef } from 'react';
export function useEvents(onEvent: (id: string) => void) {
  const seenRef = useRef<Set<string>>(new Set());
  return useCallback((message: { data: string }) => {
    const event = JSON.parse(message.data) as { id: string };
    if (seenRef.current.has(event.id)) return;
    seenRef.current.add(event.id);
    onEvent(event.id);
  }, [onEvent]);
}`,
    errors: [{ messageId: 'unboundedRefCache' as const, line: 4 }],
  },
  {
    name: 'a ref map filled by a socket listener and never emptied',
    code: `
import { useEffect, useRef } from 'react';
export function usePending(socket: WebSocket) {
  const pendingRef = useRef(new Map<string, unknown>());
  useEffect(() => {
    const onMessage = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as { id: string };
      pendingRef.current.set(data.id, data);
    };
    socket.addEventListener('message', onMessage);
    return () => socket.removeEventListener('message', onMessage);
  }, [socket]);
}`,
    errors: [{ messageId: 'unboundedRefCache' as const, line: 4 }],
  },
];

typedRuleTester().run('no-unbounded-cache (React refs, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (React refs, untyped)', rule, { valid, invalid });
