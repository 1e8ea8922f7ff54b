// Every subscriber is pinged on each tick, in no particular order.
const subscribers = new Set<string>();

export function subscribe(id: string): void {
  subscribers.add(id);
}

export function pingAll(send: (id: string) => void): void {
  for (const id of subscribers) {
    send(id);
  }
}
