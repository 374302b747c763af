/**
 * Preparing many article files: on worker threads (one per core) when there are enough of them to
 * pay for starting the threads, else on this thread. Results come back in file order either way.
 */
import { prepareArticle, type JobOptions, type Prepared } from './article-job.js';
import { WorkerPool, canRunWorker, orderedMap, workerCount } from './pool.js';

/** From this many files on, extraction runs on worker threads. */
export const PARALLEL_FROM = 24;

/** Jobs queued per worker (keeps each busy while its next file is read from disk). */
const QUEUE_PER_WORKER = 4;

const WORKER = new URL('./article-worker.js', import.meta.url);

/** Prepare `files` in order (see `prepareArticle`), on worker threads when it pays. */
export async function* prepareAll(files: readonly string[], options: JobOptions = {}): AsyncGenerator<Prepared> {
  const threads = Math.min(workerCount(), Math.ceil(files.length / 8));
  if (files.length < PARALLEL_FROM || threads < 2 || !canRunWorker(WORKER)) {
    yield* orderedMap(files, 1, (file) => prepareArticle(file, options));
    return;
  }
  const pool = new WorkerPool<{ file: string }, Prepared>(WORKER, threads, {
    declared: options.declared,
    maxBytes: options.maxBytes,
    known: [...(options.known ?? [])],
  });
  // Until the workers have loaded the pipeline (a second or so), this thread prepares files too.
  let here = 0;
  const dispatch = async (file: string): Promise<Prepared> => {
    if (here > 0 || pool.hasRoom(QUEUE_PER_WORKER)) return pool.run({ file });
    here++;
    try {
      return await prepareArticle(file, options);
    } finally {
      here--;
    }
  };
  try {
    yield* orderedMap(files, threads * QUEUE_PER_WORKER, dispatch);
  } finally {
    await pool.close();
  }
}
