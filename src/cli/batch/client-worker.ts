/**
 * Worker-thread entry for `taxlot batch --jobs N`: runs the clients it is sent, one at a time,
 * and posts each outcome back. Loaded from `dist/` (compiled JS), see `worker-pool.ts`.
 */
import { parentPort } from 'node:worker_threads';
import { runClient, type ClientJob } from './run-client.js';

const port = parentPort;
if (port) {
  port.on('message', (message: { index: number; job: ClientJob }) => {
    void runClient(message.job).then((result) => port.postMessage({ index: message.index, result }));
  });
}
