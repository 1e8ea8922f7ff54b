import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export function trackOrders(log: string[]): void {
  bus.on('order', (order) => log.push(String(order)));
}

export function track(name: string): void {
  setInterval(() => console.log(name), 1000).unref();
}
