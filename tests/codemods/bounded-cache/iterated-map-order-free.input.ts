// Each worker's last heartbeat is checked on a timer; the order they are checked in does not matter.
const heartbeats = new Map<string, number>();

export function beat(worker: string): void {
  heartbeats.set(worker, Date.now());
}

export function checkAll(alarm: (worker: string) => void): void {
  heartbeats.forEach((at, worker) => {
    if (Date.now() - at > 30_000) alarm(worker);
  });
}
