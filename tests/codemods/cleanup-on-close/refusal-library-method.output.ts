import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export function trackOrders(log: string[]): void {
  /* leakguard-todo(cleanup-on-close): the codemod cannot tell where this work ends: call `bus.off('order', onOrder)` (keep the listener in a variable `onOrder` first) where the work started in `trackOrders` is over (or hand a remove function to the caller) */
  bus.on('order', (order) => log.push(String(order)));
}

export function track(name: string): void {
  /* leakguard-todo(cleanup-on-close): the codemod cannot tell where this work ends: call `clearInterval(interval)` (keep the handle in a variable `interval` first) where the work started in `track` is over (or hand the handle, or a stop function, to the caller) */
  setInterval(() => console.log(name), 1000).unref();
}
