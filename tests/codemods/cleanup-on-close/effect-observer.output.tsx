/// <reference lib="dom" />
import { useEffect } from 'react';

export function useSize(element: Element, onSize: () => void): void {
  useEffect(() => {
    const observer = new ResizeObserver(onSize);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [element, onSize]);
}
