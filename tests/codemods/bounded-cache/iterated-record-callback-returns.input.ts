// A `return` inside a callback the loop makes ends that callback, not the loop: order still does not matter.
const timers: Record<string, number> = {};

export function arm(name: string): void {
  timers[name] = Date.now();
}

export function expire(now: number, fire: (name: string, done: () => boolean) => void): void {
  for (const name of Object.keys(timers)) {
    fire(name, () => {
      if (now < 0) return false;
      return true;
    });
  }
}
