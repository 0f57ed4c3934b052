// Builds the server (tsc) and the web app (vite) only when an output is missing or older
// than its sources, so `npm start` and `npm test` stay fast after the first build.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function stale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => newestMtime(s) > built);
}

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
if (stale('dist/server/cli.js', ['src', 'tsconfig.server.json', 'package-lock.json'])) run('npm run build:server');
if (stale('web/dist/index.html', ['web/src', 'web/index.html', 'web/vite.config.ts'])) run('npm run build:web');

// The embedded database's template (see src/db/pglite-template.ts): made once per PGlite
// version, so the first start and every test file skip PGlite's slow initdb.
const { ensureTemplate } = await import('../dist/db/pglite-template.js');
await ensureTemplate();
