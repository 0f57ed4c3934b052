import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PARAMETER_PATHS, type ProfileOverrides } from '../../rules/profiles/apply-overrides.js';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses } from '../../shared/http-schemas.js';
import { profileSchema } from '../../rules/profiles/profile-schema.js';
import { canChangePolicy, canReadPolicy } from './policy.js';
import { adjustPolicy, builtInProfile, builtInProfiles, choosePolicyProfile, currentPolicy, listPolicyVersions, policyVersion } from './agency-policy.js';
import { checklistCsv } from './checklist-export.js';
import { recordRead } from '../audit/record-read.js';

// The profile's own schema (src/rules/profiles) describes a profile in answers too.
const profileView = profileSchema.meta({ id: 'PolicyProfile' });
const basis = z.string().trim().min(2, '请写明依据（文号、会议或理由）').max(500);
// The version the administrator edited (0: none yet); another version in between → 409 CONFLICT.
const baseVersion = z.number().int().min(0).max(1_000_000).optional();
const versionView = z.object({ version: z.number(), builtInProfileId: z.string(), basis: z.string(), createdAt: z.string(), createdByName: z.string().nullable(), profile: profileView }).meta({ id: 'PolicyVersion' });

export function policyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['执法规范方案（策略配置）'];

  r.get('/api/policy-profiles', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '随产品提供的五套方案（S0–S4）', response: { 200: z.array(z.object({ id: z.string(), name: z.string(), seed: z.string(), issuer: z.string(), version: z.number() })) } },
    handler: async () => builtInProfiles().map(({ id, name, seed, issuer, version }) => ({ id, name, seed, issuer, version })),
  });
  r.get('/api/policy-profiles/:profileId', {
    config: { access: 'signedIn' },
    schema: { tags, summary: '一套内置方案的全部参数与音像记录事项清单', params: z.object({ profileId: z.string().max(80) }), response: { 200: profileView, ...errorResponses } },
    handler: async (req) => builtInProfile(req.params.profileId),
  });
  r.get('/api/agencies/:agencyId/policy', {
    config: { access: forAgency(canReadPolicy) },
    schema: { tags, summary: '本机关现行方案（未选择时为 null）', params: agencyParams, response: { 200: z.object({ current: versionView.nullable(), parameterPaths: z.array(z.string()) }), ...errorResponses } },
    handler: async (req) => ({ current: await currentPolicy(ctx.db, req.params.agencyId), parameterPaths: [...PARAMETER_PATHS] }),
  });
  r.get('/api/agencies/:agencyId/policy/versions', {
    config: { access: forAgency(canReadPolicy) },
    schema: {
      tags,
      summary: '方案的全部版本（每次选择或调整一版）',
      params: agencyParams,
      response: { 200: z.array(z.object({ version: z.number(), builtInProfileId: z.string(), basis: z.string(), createdAt: z.string(), createdByName: z.string().nullable(), profileName: z.string(), seed: z.string() })), ...errorResponses },
    },
    handler: (req) => listPolicyVersions(ctx.db, req.params.agencyId),
  });
  r.get('/api/agencies/:agencyId/policy/versions/:version', {
    config: { access: forAgency(canReadPolicy) },
    schema: { tags, summary: '方案的某一版本', params: agencyParams.extend({ version: z.coerce.number().int().min(1) }), response: { 200: versionView, ...errorResponses } },
    handler: (req) => policyVersion(ctx.db, req.params.agencyId, req.params.version),
  });
  r.post('/api/agencies/:agencyId/policy/choose', {
    config: { access: forAgency(canChangePolicy) },
    schema: { tags, summary: '选择一套内置方案（形成新版本）', params: agencyParams, body: z.object({ profileId: z.string().min(1).max(80), basis, baseVersion }), response: { 201: versionView, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await choosePolicyProfile(ctx.db, actorOf(req), req.params.agencyId, req.body, ctx.clock())),
  });
  r.post('/api/agencies/:agencyId/policy/adjust', {
    config: { access: forAgency(canChangePolicy) },
    schema: {
      tags,
      summary: '调整参数或音像记录事项清单（形成新版本，须写明依据）',
      params: agencyParams,
      body: z
        .object({ parameters: z.record(z.string(), z.unknown()).optional(), checklistRows: z.array(z.record(z.string(), z.unknown())).max(500).optional(), basis, baseVersion })
        .refine((b) => (b.parameters && Object.keys(b.parameters).length > 0) || b.checklistRows, { message: '没有要调整的内容' }),
      response: { 201: versionView, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await adjustPolicy(ctx.db, actorOf(req), req.params.agencyId, req.body as unknown as ProfileOverrides, ctx.clock())),
  });
  r.get('/api/agencies/:agencyId/policy/checklist.csv', {
    config: { access: forAgency(canReadPolicy) },
    schema: { tags, summary: '导出现行音像记录事项清单（CSV，可用 Excel 打开）', params: agencyParams },
    handler: async (req, reply) => {
      const csv = await checklistCsv(ctx.db, req.params.agencyId);
      await recordRead(ctx.db, actorOf(req), { action: 'export.downloaded', agencyId: req.params.agencyId, objectType: 'agency_policy', objectId: req.params.agencyId, details: { export: 'policy_checklist.csv' } }, ctx.clock());
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('音像记录事项清单.csv')}`)
        .send(csv);
    },
  });
}
