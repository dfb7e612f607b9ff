import { defineConfig } from 'vitest/config';

// One run across the workspace. Tests sit beside the code:
//   *.unit.spec.ts  pure rules, no I/O
//   *.int.spec.ts   against the real Kafka broker and PostgreSQL
//   *.e2e.spec.ts   whole services as processes (tests/e2e)
export default defineConfig({
  test: {
    include: ['{contracts,infra,packages/*,services/*,tests}/**/*.spec.ts'],
    exclude: ['**/node_modules/**', '**/.cache/**'],
    globalSetup: ['./packages/testing/src/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: '.cache/test-results.json' }]],
  },
});
