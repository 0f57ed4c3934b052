import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buffer } from 'node:stream/consumers';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { documents, documentSignatures } from '../../db/schema/index.js';
import { loadMatter } from '../matters/load-matter.js';
import { documentType, documentTypes } from '../../rules/documents/catalogue/index.js';
import { fieldsOf } from '../../rules/documents/field-builders.js';
import { snippetsFor } from '../../rules/documents/snippets.js';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf, principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, uuidParam } from '../../shared/http-schemas.js';
import { notFound } from '../../shared/errors.js';
import { recordRead, type ReadAction } from '../audit/record-read.js';
import { canReadDocuments, canWriteDocuments } from './policy.js';
import { documentDetail, loadDocument, presentAttachment, presentDocument, presentSignature } from './load-document.js';
import { documentFile, documentHtml } from './render.js';
import { attachmentInput, correctionInput, documentInput, draftPatch, signatureInput } from './schemas.js';
import { addAttachment, addSignature } from './sign-and-attach.js';
import { correctDocument, createDocument, issueDocument, updateDraft } from './write-document.js';
import { attachmentView, documentDetailView, documentTypeDetailView, documentTypeView, documentView, signatureView } from './views.js';

const docParams = agencyParams.extend({ documentId: uuidParam });
// One document version is one row, so the event's object names the exact version read.
const documentRead = (action: ReadAction, agencyId: string, documentId: string, details?: Record<string, unknown>) => ({ action, agencyId, objectType: 'document', objectId: documentId, details });

export function documentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['执法文书'];

  r.get('/api/document-types', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '文书种类目录（字段定义、适用环节、是否需审批与签名）', response: { 200: z.array(documentTypeView) } },
    handler: async () => [...documentTypes],
  });
  r.get('/api/document-types/:typeId', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '一种文书的字段定义和各字段的规范用语', params: z.object({ typeId: z.string().max(60) }), response: { 200: documentTypeDetailView, ...errorResponses } },
    handler: async (req) => {
      const type = documentType(req.params.typeId);
      if (!type) throw notFound('文书种类');
      const snippets = Object.fromEntries(fieldsOf(type).map((f) => f.key).map((k) => [k, snippetsFor(type.id, k)]).filter(([, v]) => (v as string[]).length));
      // The form needs every field: the type's own, then the DOC-2 common ones (officers, basis …).
      return { ...type, ownFields: type.fields, fields: fieldsOf(type), snippets: snippets as Record<string, string[]> };
    },
  });

  r.post('/api/agencies/:agencyId/matters/:matterId/documents', {
    config: { access: forAgency(canWriteDocuments) },
    schema: { tags, summary: '起草文书（草稿可随意修改）', params: agencyParams.extend({ matterId: uuidParam }), body: documentInput, response: { 201: documentView, ...errorResponses } },
    handler: async (req, reply) => {
      const doc = await createDocument(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.body, ctx.clock());
      return reply.status(201).send(presentDocument(doc));
    },
  });
  r.get('/api/agencies/:agencyId/matters/:matterId/documents', {
    config: { access: forAgency(canReadDocuments) },
    schema: { tags, summary: '事项的文书（每份文书的最新版本）', params: agencyParams.extend({ matterId: uuidParam }), response: { 200: z.array(documentView), ...errorResponses } },
    handler: async (req) => {
      await loadMatter(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId);
      const rows = await ctx.db.select().from(documents).where(eq(documents.matterId, req.params.matterId)).orderBy(asc(documents.createdAt));
      const latest = new Map<string, (typeof rows)[number]>();
      for (const d of rows) if ((latest.get(d.lineageId)?.version ?? 0) < d.version) latest.set(d.lineageId, d);
      return [...latest.values()].map(presentDocument);
    },
  });
  r.get('/api/agencies/:agencyId/documents/:documentId/signatures/:signatureId/image', {
    config: { access: forAgency(canReadDocuments) },
    schema: { tags, summary: '签名图片（手写或扫描）', params: docParams.extend({ signatureId: uuidParam }) },
    handler: async (req, reply) => {
      const { doc } = await loadDocument(ctx.db, principalOf(req), req.params.agencyId, req.params.documentId);
      const [sig] = await ctx.db.select().from(documentSignatures).where(and(eq(documentSignatures.id, req.params.signatureId), eq(documentSignatures.documentId, doc.id)));
      if (!sig?.objectKey) throw notFound('签名图片');
      const bytes = await buffer(await ctx.store.read(sig.objectKey));
      return reply.type(bytes[0] === 0xff ? 'image/jpeg' : 'image/png').header('cache-control', 'private, max-age=86400').send(bytes);
    },
  });
  r.get('/api/agencies/:agencyId/documents/:documentId', {
    config: { access: forAgency(canReadDocuments) },
    schema: { tags, summary: '文书详情：字段、全部版本、签名和扫描件', params: docParams, response: { 200: documentDetailView, ...errorResponses } },
    handler: async (req) => {
      const { doc } = await loadDocument(ctx.db, principalOf(req), req.params.agencyId, req.params.documentId);
      await recordRead(ctx.db, actorOf(req), documentRead('document.viewed', req.params.agencyId, doc.id), ctx.clock());
      return documentDetail(ctx.db, doc);
    },
  });
  r.patch('/api/agencies/:agencyId/documents/:documentId', {
    config: { access: forAgency(canWriteDocuments) },
    schema: { tags, summary: '修改草稿；已定稿的文书一律拒绝（IMMUTABLE）', params: docParams, body: draftPatch, response: { 200: documentView, ...errorResponses } },
    handler: async (req) => presentDocument(await updateDraft(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.documentId, req.body.fields, ctx.clock())),
  });
  r.post('/api/agencies/:agencyId/documents/:documentId/issue', {
    config: { access: forAgency(canWriteDocuments) },
    schema: { tags, summary: '定稿：校验必填内容，编文号，固定内容校验值；此后不再改变', params: docParams, response: { 200: documentView, ...errorResponses } },
    handler: async (req) => presentDocument(await issueDocument(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.documentId, ctx.clock())),
  });
  r.post('/api/agencies/:agencyId/documents/:documentId/corrections', {
    config: { access: forAgency(canWriteDocuments) },
    schema: { tags, summary: '更正已定稿文书：形成新版本草稿，写明所替代的版本和理由', params: docParams, body: correctionInput, response: { 201: documentView, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(presentDocument(await correctDocument(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.documentId, req.body, ctx.clock()))),
  });
  r.post('/api/agencies/:agencyId/documents/:documentId/signatures', {
    config: { access: forAgency(canWriteDocuments) },
    schema: { tags, summary: '签名（屏幕手写或扫描）或记录拒签理由与见证人', params: docParams, body: signatureInput, response: { 201: signatureView, ...errorResponses } },
    bodyLimit: 4 * 1024 * 1024,
    handler: async (req, reply) => reply.status(201).send(presentSignature(await addSignature(ctx.db, ctx.store, actorOf(req), principalOf(req), req.params.agencyId, req.params.documentId, req.body, ctx.clock()))),
  });
  r.post('/api/agencies/:agencyId/documents/:documentId/attachments', {
    config: { access: forAgency(canWriteDocuments) },
    schema: { tags, summary: '上传签字纸质文书的扫描件（PDF/JPEG/PNG，按内容识别）', params: docParams, body: attachmentInput, response: { 201: attachmentView, ...errorResponses } },
    bodyLimit: 15 * 1024 * 1024,
    handler: async (req, reply) => reply.status(201).send(presentAttachment(await addAttachment(ctx.db, ctx.store, actorOf(req), principalOf(req), req.params.agencyId, req.params.documentId, req.body, ctx.clock()))),
  });
  r.get('/api/agencies/:agencyId/documents/:documentId/print', {
    config: { access: forAgency(canReadDocuments) },
    schema: { tags, summary: 'A4 打印版式（HTML）', params: docParams },
    handler: async (req, reply) => {
      const html = await documentHtml(ctx.db, ctx.store, principalOf(req), req.params.agencyId, req.params.documentId, ctx.clock());
      await recordRead(ctx.db, actorOf(req), documentRead('document.printed', req.params.agencyId, req.params.documentId), ctx.clock());
      return reply.type('text/html; charset=utf-8').send(html);
    },
  });
  for (const format of ['docx', 'pdf'] as const) {
    r.get(`/api/agencies/:agencyId/documents/:documentId/${format}`, {
      config: { access: forAgency(canReadDocuments) },
      schema: { tags, summary: `导出 ${format.toUpperCase()}`, params: docParams },
      handler: async (req, reply) => {
        const file = await documentFile(ctx.db, ctx.store, principalOf(req), req.params.agencyId, req.params.documentId, format, ctx.clock());
        await recordRead(ctx.db, actorOf(req), documentRead('document.downloaded', req.params.agencyId, req.params.documentId, { format }), ctx.clock());
        const type = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
        return reply.type(type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.bytes);
      },
    });
  }
}
