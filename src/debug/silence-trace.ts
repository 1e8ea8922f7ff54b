import type { Node } from '../ast/traverse';

/**
 * Why a rule left a candidate alone (a collection judged bounded, a client judged kept): the gate's
 * name, for measuring which judgements keep real leaks quiet (`/work/tools`-style funnels, tests).
 * Nothing is recorded unless a tracer is installed, so the rules pay one undefined check per gate.
 */
export type SilenceTracer = (ruleId: string, node: Node, gate: string) => void;

let tracer: SilenceTracer | undefined;

/** Installs `next` (or removes the tracer with `undefined`); returns the one it replaced. */
export function setSilenceTracer(next: SilenceTracer | undefined): SilenceTracer | undefined {
  const previous = tracer;
  tracer = next;
  return previous;
}

/** Whether a tracer listens: for gates whose name costs work to compute. */
export function isTracingSilence(): boolean {
  return tracer !== undefined;
}

/** Records that `ruleId` let `node` go at `gate`. */
export function traceSilence(ruleId: string, node: Node, gate: string): void {
  tracer?.(ruleId, node, gate);
}
