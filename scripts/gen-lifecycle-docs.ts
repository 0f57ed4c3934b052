// Writes docs/lifecycles.md from the lifecycle definitions (npm run docs:lifecycles).
import { writeFileSync } from 'node:fs';
import { lifecyclesDocument } from '../src/rules/matters/lifecycle-diagram.js';
import { LIFECYCLES } from '../src/rules/matters/lifecycles/index.js';

writeFileSync(new URL('../docs/lifecycles.md', import.meta.url), lifecyclesDocument(Object.values(LIFECYCLES)));
