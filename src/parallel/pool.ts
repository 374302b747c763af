/**
 * A small pool of worker threads running one module: each job is a message `{seq, ...input}`
 * answered by `{seq, result}`; a worker posts `{ready: true}` once its module is loaded. Jobs go to the least busy worker; a worker that dies fails the jobs
 * it held. `orderedMap` runs jobs with bounded concurrency and hands results back in input order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

interface Pending<O> {
  resolve: (value: O) => void;
  reject: (error: Error) => void;
}

interface Slot<O> {
  worker: Worker;
  pending: Map<number, Pending<O>>;
  /** The worker has loaded its module (it posts `{ready: true}` once). */
  ready: boolean;
}

/** Worker threads to use: `CLAIMTRACE_WORKERS` when set (0 or 1 = none), else one per core. */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number.parseInt(env.CLAIMTRACE_WORKERS ?? '', 10);
  return Number.isFinite(given) && given >= 0 ? given : availableParallelism();
}

/** Whether a worker module exists as JavaScript (not when running from TypeScript sources). */
export function canRunWorker(url: URL): boolean {
  return url.protocol === 'file:' && url.pathname.endsWith('.js') && existsSync(fileURLToPath(url));
}

/** Worker threads running the module at `url`, each started with `workerData`. */
export class WorkerPool<I extends object, O> {
  private readonly slots: Array<Slot<O>>;
  private seq = 0;

  constructor(url: URL, size: number, workerData: unknown) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => {
      const slot: Slot<O> = { worker: new Worker(url, { workerData }), pending: new Map(), ready: false };
      slot.worker.on('message', ({ seq, result, ready }: { seq: number; result: O; ready?: boolean }) => {
        if (ready) {
          slot.ready = true;
          return;
        }
        const job = slot.pending.get(seq);
        slot.pending.delete(seq);
        job?.resolve(result);
      });
      const failAll = (error: Error): void => {
        for (const job of slot.pending.values()) job.reject(error);
        slot.pending.clear();
      };
      slot.worker.on('error', failAll);
      slot.worker.on('exit', (code) => failAll(new Error(`a worker thread stopped (exit code ${code})`)));
      return slot;
    });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Whether a worker that has loaded its module holds fewer than `depth` jobs. */
  hasRoom(depth: number): boolean {
    return this.slots.some((s) => s.ready && s.pending.size < depth);
  }

  /** Run one job on the least busy worker. */
  run(input: I): Promise<O> {
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const seq = this.seq++;
    return new Promise<O>((resolve, reject) => {
      slot.pending.set(seq, { resolve, reject });
      slot.worker.postMessage({ ...input, seq });
    });
  }

  /** Stop every worker (jobs still pending fail). */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** `fn` over `items` with at most `limit` running at once; results come out in input order. */
export async function* orderedMap<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  const started: Array<Promise<R>> = [];
  let next = 0;
  const fill = (upTo: number): void => {
    while (next < items.length && next < upTo) {
      const i = next++;
      const p = fn(items[i], i);
      p.catch(() => undefined); // awaited in order below; do not report it as unhandled meanwhile
      started.push(p);
    }
  };
  for (let i = 0; i < items.length; i++) {
    fill(i + Math.max(1, limit));
    const result = await started[i];
    delete started[i];
    yield result;
  }
}
