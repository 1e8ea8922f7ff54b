import { EventEmitter } from 'node:events';
import { useEffect, useState } from 'react';

export const orders = new EventEmitter();

export function useLatestOrder(): string | undefined {
  const [latest, setLatest] = useState<string>();
  useEffect(() => {
    const onOrder = (order: any) => setLatest(String(order.id));
    orders.on('order', onOrder);
    return () => {
      orders.off('order', onOrder);
    };
  }, []);
  return latest;
}
