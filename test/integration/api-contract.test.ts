import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../scripts/api/openapi-document.js';
import { generateSchemaSource, schemaFile } from '../../scripts/api/generate.js';

type Schema = { type?: string; properties?: object; items?: Schema; $ref?: string; additionalProperties?: unknown };
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };

/** A body that says nothing: an object with no named properties (z.record(z.string(), z.unknown())). */
const isFreeForm = (s: Schema | undefined): boolean =>
  !!s && !s.$ref && ((s.type === 'object' && !s.properties && (s.additionalProperties === undefined || s.additionalProperties === true || (typeof s.additionalProperties === 'object' && Object.keys(s.additionalProperties as object).length === 0))) || (s.type === 'array' && isFreeForm(s.items)));


// The web client's types are generated from the server's OpenAPI document (STYLE habit 15).
describe('API contract', () => {
  it('NFR-3 web/src/api/schema.d.ts is what `npm run api:generate` makes from the current server', async () => {
    const fresh = await generateSchemaSource();
    const committed = readFileSync(schemaFile, 'utf8');
    expect(committed === fresh, 'web/src/api/schema.d.ts is stale: run `npm run api:generate` and commit it').toBe(true);
  });

  it('NFR-3 every JSON answer of the API is described by its fields, not as a free-form object', async () => {
    const doc = (await buildOpenApiDocument()) as { paths: Record<string, Record<string, Operation>> };
    const loose: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, res] of Object.entries(op.responses ?? {})) {
          if (status.startsWith('2') && isFreeForm(res.content?.['application/json']?.schema)) loose.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(loose).toEqual([]);
  });
});
