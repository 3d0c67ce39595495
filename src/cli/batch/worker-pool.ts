/**
 * A small `worker_threads` pool: `size` workers take jobs in order, one at a time each.
 *
 * Isolation: a worker that dies (an uncaught exception, running out of memory, `process.exit`)
 * fails only the job it was running (`onCrash`) and is replaced, so the remaining jobs still run.
 * Results are returned in job order whatever order they finish in.
 */
import { YOUNG_GENERATION_MB } from '../cli-thread-data.js';
import { Worker } from 'node:worker_threads';

export interface PoolOptions<J, R> {
  /** The worker module (compiled JS): receives `{ index, job }`, posts `{ index, result }`. */
  readonly workerUrl: URL;
  readonly size: number;
  readonly jobs: readonly J[];
  /** The result recorded for a job whose worker died. */
  readonly onCrash: (job: J, reason: string) => R;
  /** Called as each job finishes (progress). */
  readonly onResult?: (index: number, result: R) => void;
  /** Aborting stops every worker at once (`terminate`) and rejects with the abort's reason. */
  readonly abort?: AbortSignal;
}

/**
 * Run every job in a pool of worker threads.
 * @returns the results, in job order
 * @example await runWorkerPool({ workerUrl, size: 2, jobs: [a, b, c], onCrash: (j, why) => failed(why) }) // [ra, rb, rc]
 */
export function runWorkerPool<J, R>(options: PoolOptions<J, R>): Promise<R[]> {
  const { jobs } = options;
  const results = new Array<R>(jobs.length);
  if (jobs.length === 0) return Promise.resolve(results);
  return new Promise((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let stopped = false;
    const workers = new Set<Worker>();
    const settle = (index: number, result: R): void => {
      if (stopped) return;
      results[index] = result;
      finished++;
      try {
        options.onResult?.(index, result);
      } catch (e) {
        stop(e); // recording the result failed (a full disk): stop, and say why
        return;
      }
      if (finished === jobs.length) {
        options.abort?.removeEventListener('abort', onAbort);
        resolve(results);
      }
    };
    const stop = (why: unknown = options.abort?.reason): void => {
      if (stopped) return;
      stopped = true;
      options.abort?.removeEventListener('abort', onAbort);
      void Promise.all([...workers].map((w) => w.terminate())).then(() => reject(why));
    };
    const onAbort = (): void => stop();
    if (options.abort?.aborted) {
      reject(options.abort.reason);
      return;
    }
    options.abort?.addEventListener('abort', onAbort, { once: true });
    const start = (): void => {
      // the young generation the CLI's own thread has (cli-thread.ts says why)
      const worker = new Worker(options.workerUrl, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      workers.add(worker);
      let current = -1;
      let retired = false;
      const give = (): void => {
        if (next >= jobs.length) {
          current = -1;
          retired = true;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, job: jobs[current] });
      };
      const crash = (reason: string): void => {
        if (current < 0) return;
        const index = current;
        current = -1;
        settle(index, options.onCrash(jobs[index]!, reason));
      };
      worker.on('message', (message: { index: number; result: R }) => {
        current = -1;
        settle(message.index, message.result);
        if (!stopped) give();
      });
      worker.on('error', (e) => crash(`the worker crashed: ${e.message}`));
      worker.on('exit', (code) => {
        workers.delete(worker);
        if (stopped) return;
        crash(`the worker stopped (exit code ${code})`);
        if (!retired && next < jobs.length) start();
      });
      give();
    };
    for (let k = 0; k < Math.min(Math.max(1, options.size), jobs.length); k++) start();
  });
}
