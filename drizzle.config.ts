import { defineConfig } from 'drizzle-kit';

// Schema files live beside each module (x.schema.ts); migrations are generated once
// and applied from code at start (see src/platform/db/migrate.ts) on both engines.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/*.schema.ts', './src/modules/**/*.schema.ts'],
  out: './db/migrations',
});
