import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { issuedContentHash } from '../../src/domains/documents/issued-integrity.js';
import { client } from '../support/http-client.js';
import { buildIntegrityDeployment, insiderDb, type IntegrityDeployment } from '../support/integrity-deployment.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Outside review: an issued document's text changed with session_replication_role = replica and
// the print view showed the new text; its stored hash was never re-checked.
describe('an issued document is printed or exported only as issued (DOC-4, INT-2)', () => {
  let t: TestApp;
  let d: IntegrityDeployment;
  beforeAll(async () => {
    t = await startTestApp();
    d = await buildIntegrityDeployment(t);
  });
  afterAll(() => t?.close());

  const get = (documentId: string, what: 'print' | 'pdf' | 'docx') => client(t.app, d.team.handler.session).get(`/api/agencies/${d.agencyId}/documents/${documentId}/${what}`);
  const behindTheBack = (stmt: ReturnType<typeof sql>) =>
    insiderDb(t).transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(stmt);
    });

  it('DOC-4 INT-2 text edited behind the system: print, PDF and DOCX refuse with 409 DOCUMENT_DAMAGED and the admins are told', async () => {
    const [first, second] = d.documentIds;
    expect((await get(first!, 'print')).statusCode).toBe(200);
    await behindTheBack(sql`update documents set fields = jsonb_set(fields, '{legal_basis}', '"篡改后的依据"') where id = ${first}`);
    for (const what of ['print', 'pdf', 'docx'] as const) {
      const res = await get(first!, what);
      expect(res.statusCode, what).toBe(409);
      expect(res.json()).toMatchObject({ code: 'DOCUMENT_DAMAGED', message: expect.stringContaining('与签发时登记的哈希不一致') });
      expect(res.body).not.toContain('篡改后的依据');
    }
    const alerts = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'integrity.document_mismatch'));
    expect(alerts.length).toBe(3);
    expect(alerts[0]).toMatchObject({ agencyId: d.agencyId, objectType: 'document', objectId: first });
    // The untouched document still prints.
    expect((await get(second!, 'print')).statusCode).toBe(200);
  });

  it('DOC-4 INT-2 an insider who also rewrites the stored hash is caught by the hash the logged issue event recorded', async () => {
    const second = d.documentIds[1]!;
    const [row] = (await t.ctx.db.execute(sql`select matter_id, type_id, version, number, fields from documents where id = ${second}`) as unknown as { rows: Array<{ matter_id: string; type_id: string; version: number; number: string; fields: Record<string, unknown> }> }).rows;
    const fields = { ...row!.fields, remarks: '事后补写' };
    const forged = issuedContentHash({ matterId: row!.matter_id, typeId: row!.type_id, version: row!.version, number: row!.number, fields });
    await behindTheBack(sql`update documents set fields = ${JSON.stringify(fields)}::jsonb, content_hash = ${forged} where id = ${second}`);
    const res = await get(second, 'print');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DOCUMENT_DAMAGED' });
  });
});
