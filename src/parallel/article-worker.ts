/**
 * Worker-thread entry: prepares the article files it is sent (`prepareArticle`) with the options
 * given at start (`workerData`), answering each message `{seq, file}` with `{seq, result}` (an
 * extracted article as the text of its shard, `forTransfer`); it says `{ready: true}` once loaded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { forTransfer, prepareArticle, type JobOptions, type Prepared } from './article-job.js';

const init = workerData as { declared?: JobOptions['declared']; maxBytes?: number; known: string[] };
const options: JobOptions = { declared: init.declared, maxBytes: init.maxBytes, known: new Set(init.known) };

parentPort!.on('message', async ({ seq, file }: { seq: number; file: string }) => {
  let result: Prepared;
  try {
    result = await prepareArticle(file, options);
  } catch (error) {
    result = { kind: 'failed', file, reason: (error as Error).message.split('\n')[0] };
  }
  if (result.kind === 'read') delete result.read; // the caller re-reads the rare file it needs
  parentPort!.postMessage({ seq, result: forTransfer(result) });
});
parentPort!.postMessage({ ready: true });
