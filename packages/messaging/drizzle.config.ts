import { defineConfig } from 'drizzle-kit';

// Migrations for the messaging tests' own database (the outbox/inbox tables plus a table of effects).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/test-support/schema.ts',
  out: './src/test-support/migrations',
});
