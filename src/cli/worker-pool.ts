import { Worker } from 'node:worker_threads';

interface Job<Request, Response> {
  readonly request: Request;
  readonly resolve: (response: Response) => void;
}

/**
 * A fixed number of worker threads running `script`, one request at a time each; the script answers
 * every message with exactly one message. A worker that dies (uncaught error, out of memory,
 * `process.exit` in a transform) answers its request with `onWorkerDeath` and is replaced: one
 * file must not end the run.
 */
export class WorkerPool<Request, Response> {
  private readonly queue: Job<Request, Response>[] = [];
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Job<Request, Response> | undefined>();
  private closing = false;

  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly onWorkerDeath: (request: Request, error: Error) => Response,
    /** Handed to every thread as `workerData`. */
    private readonly workerData?: unknown,
  ) {}

  /**
   * Starts every thread now rather than on the first request: each spends about a second loading
   * TypeScript and the engine, and that can overlap the caller's own start-up (loading ESLint to
   * read the user's config).
   */
  start(): void {
    while (!this.closing && this.running.size < this.size) this.idle.push(this.spawn());
  }

  run(request: Request): Promise<Response> {
    return new Promise((resolve) => {
      this.queue.push({ request, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.running.keys()].map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    for (;;) {
      const worker = this.idle.pop() ?? (this.running.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.queue.shift();
      if (!job) {
        this.idle.push(worker);
        return;
      }
      this.running.set(worker, job);
      worker.postMessage(job.request);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, { workerData: this.workerData });
    this.running.set(worker, undefined);
    worker.on('message', (response: Response) => {
      const job = this.running.get(worker);
      this.running.set(worker, undefined);
      this.idle.push(worker);
      job?.resolve(response);
      this.dispatch();
    });
    // 'error' is followed by 'exit': the first one buries the worker.
    const bury = (error: Error): void => {
      if (!this.running.has(worker)) return;
      const job = this.running.get(worker);
      this.running.delete(worker);
      const idleAt = this.idle.indexOf(worker);
      if (idleAt !== -1) this.idle.splice(idleAt, 1);
      if (job) job.resolve(this.onWorkerDeath(job.request, error));
      if (!this.closing) this.dispatch();
    };
    worker.on('error', bury);
    worker.on('exit', (code) => bury(new Error(`worker thread exited with code ${code}`)));
    return worker;
  }
}
