/**
 * A small `worker_threads` pool: `size` workers take jobs in order, one at a time each.
 *
 * Isolation: a worker that dies (an uncaught exception, running out of memory, `process.exit`)
 * fails only the job it was running (`onCrash`) and is replaced, so the remaining jobs still run.
 * Results are returned in job order whatever order they finish in.
 */
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
  return new Promise((resolve) => {
    let next = 0;
    let finished = 0;
    const settle = (index: number, result: R): void => {
      results[index] = result;
      finished++;
      options.onResult?.(index, result);
      if (finished === jobs.length) resolve(results);
    };
    const start = (): void => {
      const worker = new Worker(options.workerUrl);
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
        give();
      });
      worker.on('error', (e) => crash(`the worker crashed: ${e.message}`));
      worker.on('exit', (code) => {
        crash(`the worker stopped (exit code ${code})`);
        if (!retired && next < jobs.length) start();
      });
      give();
    };
    for (let k = 0; k < Math.min(Math.max(1, options.size), jobs.length); k++) start();
  });
}
