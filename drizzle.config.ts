import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema and committed; they only move forward.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './migrations',
});
