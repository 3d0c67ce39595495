import { defineConfig } from 'vitest/config';

// Run every test in a zone far from UTC (UTC+14), so that any use of the machine's local zone
// in dates — instead of the declared export zones and --timezone — shows up as a failure.
process.env.TZ = 'Pacific/Kiritimati';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    allowOnly: false,
    testTimeout: 30_000,
  },
});
