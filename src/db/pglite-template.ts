import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

// initdb inside PGlite takes ~10 s and grows its WebAssembly memory to ~800 MB. It is done once
// per installed PGlite version into a template folder under node_modules/.cache; every new data
// folder (first start, each test file) starts as a copy of it.
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  return (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
}

export const pgliteStartParams = () => [
  ...(PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams,
  // One embedded user: small shared buffers keep the process small.
  '-c',
  'shared_buffers=32MB',
];

async function initdb(dir: string) {
  const init = new PGlite(dir, { startParams: pgliteStartParams() });
  await init.waitReady;
  await init.close();
}

export async function ensureTemplate(): Promise<string | null> {
  const template = join(packageRoot, 'node_modules', '.cache', 'liuhen', `pgdata-${pgliteVersion()}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  try {
    const building = `${template}.${process.pid}.${Date.now()}`;
    mkdirSync(building, { recursive: true });
    await initdb(building);
    try {
      renameSync(building, template); // atomic; loses harmlessly to a concurrent builder
    } catch {
      rmSync(building, { recursive: true, force: true });
    }
    return existsSync(join(template, 'PG_VERSION')) ? template : null;
  } catch {
    return null; // e.g. a read-only install: fall back to initdb in place
  }
}

/** Makes `dir` a PGlite data folder: a copy of the template, or a fresh initdb. */
export async function preparePgliteDir(dir: string) {
  if (existsSync(join(dir, 'PG_VERSION'))) return;
  const template = await ensureTemplate();
  mkdirSync(dir, { recursive: true });
  if (template) cpSync(template, dir, { recursive: true });
  else await initdb(dir);
}
