import { EventEmitter } from 'node:events';
import { useEffect, useState } from 'react';

export const orders = new EventEmitter();

export function useLatestOrder(): string | undefined {
  const [latest, setLatest] = useState<string>();
  useEffect(() => {
    orders.on('order', (order) => setLatest(String(order.id)));
  }, []);
  return latest;
}
