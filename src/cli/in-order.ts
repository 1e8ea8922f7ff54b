/**
 * Emits per-file output (diffs, printed sources) in file order though workers finish in any order,
 * so two runs print the same thing. Every index must be delivered, with '' when there is nothing.
 */
export class InOrder {
  private next = 0;
  private readonly waiting = new Map<number, string>();

  constructor(private readonly emit: (text: string) => void) {}

  deliver(index: number, text: string): void {
    this.waiting.set(index, text);
    for (let ready = this.waiting.get(this.next); ready !== undefined; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.next++;
      if (ready) this.emit(ready);
    }
  }
}
