/** The worker thread's entry (cli-thread.ts): the command line with the main thread's terminal. */
import { workerTerminal } from './cli-thread.js';
import { runCli } from './main.js';

const { argv, term, end } = workerTerminal();
try {
  await runCli(argv, term);
} finally {
  end();
}
