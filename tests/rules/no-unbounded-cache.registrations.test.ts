import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Callbacks that callers register are a registry (no-leaked-listener's business); a function written
 * at the growth that uses nothing the caller passed is a new entry each time the code runs.
 */
const valid = [
  {
    name: 'a middleware stack filled by a `use` method assigned to the handler',
    code: `
type Middleware = (next: () => Promise<unknown>, event: unknown) => Promise<unknown>;
export const mw = (handle: (event: unknown) => Promise<unknown>) => {
  const stack: Middleware[] = [];
  const run = (event: unknown) => {
    const invocation: Middleware[] = [...stack, () => handle(event)];
    const runner = (index: number): Promise<unknown> => invocation[index]!(() => runner(index + 1), event);
    return runner(0);
  };
  run.use = (middleware: Middleware) => {
    stack.push(middleware);
    return run;
  };
  return run;
};
const log: Middleware = (next) => next();
export const handler = mw(async () => 'done').use(log);`,
  },
  {
    name: 'a wrapper around the callback the caller registers',
    code: `
const subscribers: Array<(message: { topic: string }) => void> = [];
export function subscribe(topic: string, deliver: (message: { topic: string }) => void): void {
  subscribers.push((message) => {
    if (message.topic === topic) deliver(message);
  });
}`,
  },
];

const invalid = [
  {
    name: 'a handler that pushes a new function onto a stack kept for the life of the container, per event',
    code: `
type Step = (next: () => Promise<unknown>, event: unknown) => Promise<unknown>;
export const mw = (handle: (event: unknown) => Promise<unknown>) => {
  const stack: Step[] = [];
  const run = (event: unknown) => {
    stack.push((next, e) => handle(e));
    const runner = (index: number): Promise<unknown> => stack[index]!(() => runner(index + 1), event);
    return runner(0);
  };
  return run;
};
export const handler = mw(async () => 'done');`,
    errors: [{ messageId: 'unboundedClosureCache' as const, line: 4 }],
  },
];

typedRuleTester().run('no-unbounded-cache (registrations, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (registrations, untyped)', rule, { valid, invalid });
