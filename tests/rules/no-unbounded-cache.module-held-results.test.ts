import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A factory that hands its collection out with the functions that fill it (`return { jobs, startJob
 * }`), called once by this module and kept in a `const` nobody else can reach: every use of the
 * handed-out collection is `manager.jobs` in this file, so when none of them removes anything, it
 * only grows.
 */
const factory = `
import { randomUUID } from 'node:crypto';
function createInstanceManager() {
  const jobs = new Map<string, { id: string; command: string; status: string }>();
  function startJob(command: string) {
    const job = { id: randomUUID(), command, status: 'running' };
    jobs.set(job.id, job);
    return job;
  }
  return { jobs, startJob };
}`;

const valid = [
  {
    name: 'the module removes finished jobs through the handed-out map',
    code: `${factory}
const manager = createInstanceManager();
export function finish(id: string): void {
  manager.jobs.delete(id);
}
export function start(command: string) {
  return manager.startJob(command);
}`,
  },
  {
    name: 'a function of the file it is given removes finished jobs',
    code: `${factory}
function createWebhookServer({ jobs }: { jobs: Map<string, { status: string }> }) {
  return (id: string, status: string) => {
    const job = jobs.get(id);
    if (!job) return;
    job.status = status;
    if (status === 'completed') jobs.delete(id);
  };
}
const manager = createInstanceManager();
export const onStatus = createWebhookServer({ jobs: manager.jobs });
export const start = (command: string) => manager.startJob(command);`,
  },
  {
    name: 'the kept result is exported: other modules may shrink the map',
    code: `${factory}
export const manager = createInstanceManager();`,
  },
  {
    name: 'the map goes to a function of another module',
    code: `${factory}
import { watchJobs } from './jobs-watcher.js';
const manager = createInstanceManager();
watchJobs(manager.jobs);
export const start = (command: string) => manager.startJob(command);`,
  },
];

const invalid = [
  {
    name: 'the webhook handler only reads the map it is given (open-dispatch)',
    code: `${factory}
function createWebhookServer({ jobs }: { jobs: Map<string, { status: string }> }) {
  return (id: string, status: string) => {
    const job = jobs.get(id);
    if (job) job.status = status;
  };
}
const manager = createInstanceManager();
export const onStatus = createWebhookServer({ jobs: manager.jobs });
export const start = (command: string) => manager.startJob(command);`,
    errors: [{ messageId: 'unboundedClosureCache' as const, line: 4 }],
  },
  {
    name: 'the module reads the handed-out map and never removes from it',
    code: `${factory}
const manager = createInstanceManager();
export function status(id: string): string | undefined {
  return manager.jobs.get(id)?.status;
}
export const start = (command: string) => manager.startJob(command);`,
    errors: [{ messageId: 'unboundedClosureCache' as const, line: 4 }],
  },
];

typedRuleTester().run('no-unbounded-cache (module-held factory results, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (module-held factory results, untyped)', rule, { valid, invalid });
