import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf, principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, okBody, uuidParam } from '../../shared/http-schemas.js';
import { getAgency } from './agencies.js';
import { createMember, listMembers, resetMemberPassword, setMemberRoles, updateMember } from './members.js';
import { createOfficer, listOfficers, updateOfficer } from './officers.js';
import { canAdministerAgency, canReadAgency } from './policy.js';
import { memberView, officerInput, officerPatch, officerView, roleList, userInput, userPatch } from './schemas.js';

export function peopleRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const officerTags = ['执法人员'];
  const userTags = ['用户与角色'];
  const userParams = agencyParams.extend({ userId: uuidParam });

  r.get('/api/agencies/:agencyId/officers', {
    config: { access: forAgency(canReadAgency) },
    schema: {
      tags: officerTags,
      summary: '执法人员列表（含执法证是否在有效期内）',
      params: agencyParams,
      querystring: z.object({ unitId: uuidParam.optional() }),
      response: { 200: z.array(officerView), ...errorResponses },
    },
    handler: (req) => listOfficers(ctx.db, req.params.agencyId, ctx.clock(), req.query),
  });
  r.post('/api/agencies/:agencyId/officers', {
    config: { access: forAgency(canAdministerAgency) },
    schema: { tags: officerTags, summary: '登记执法人员', params: agencyParams, body: officerInput, response: { 201: officerView, ...errorResponses } },
    handler: async (req, reply) => {
      await getAgency(ctx.db, req.params.agencyId);
      return reply.status(201).send(await createOfficer(ctx.db, actorOf(req), req.params.agencyId, req.body, ctx.clock()));
    },
  });
  r.patch('/api/agencies/:agencyId/officers/:officerId', {
    config: { access: forAgency(canAdministerAgency) },
    schema: { tags: officerTags, summary: '修改执法人员', params: agencyParams.extend({ officerId: uuidParam }), body: officerPatch, response: { 200: officerView, ...errorResponses } },
    handler: (req) => updateOfficer(ctx.db, actorOf(req), req.params.agencyId, req.params.officerId, req.body, ctx.clock()),
  });

  r.get('/api/agencies/:agencyId/users', {
    config: { access: forAgency(canAdministerAgency) },
    schema: { tags: userTags, summary: '本机关用户及其角色', params: agencyParams, response: { 200: z.array(memberView), ...errorResponses } },
    handler: (req) => listMembers(ctx.db, req.params.agencyId),
  });
  r.post('/api/agencies/:agencyId/users', {
    config: { access: forAgency(canAdministerAgency) },
    schema: { tags: userTags, summary: '新建用户并授予本机关角色', params: agencyParams, body: userInput, response: { 201: memberView, ...errorResponses } },
    handler: async (req, reply) => {
      await getAgency(ctx.db, req.params.agencyId);
      return reply.status(201).send(await createMember(ctx.db, actorOf(req), req.params.agencyId, req.body, ctx.clock()));
    },
  });
  r.patch('/api/agencies/:agencyId/users/:userId', {
    config: { access: forAgency(canAdministerAgency) },
    schema: { tags: userTags, summary: '修改用户（停用后其全部会话立即结束）', params: userParams, body: userPatch, response: { 200: memberView, ...errorResponses } },
    handler: (req) => updateMember(ctx.db, principalOf(req), actorOf(req), req.params.agencyId, req.params.userId, req.body, ctx.clock()),
  });
  r.put('/api/agencies/:agencyId/users/:userId/roles', {
    config: { access: forAgency(canAdministerAgency) },
    schema: { tags: userTags, summary: '设置用户在本机关的角色', params: userParams, body: z.object({ roles: roleList }), response: { 200: memberView, ...errorResponses } },
    handler: (req) => setMemberRoles(ctx.db, actorOf(req), req.params.agencyId, req.params.userId, req.body.roles, ctx.clock()),
  });
  r.post('/api/agencies/:agencyId/users/:userId/password', {
    config: { access: forAgency(canAdministerAgency) },
    schema: { tags: userTags, summary: '重置用户密码（其会话全部结束）', params: userParams, body: z.object({ newPassword: z.string().min(1, '请输入新密码').max(200) }), response: { 200: okBody, ...errorResponses } },
    handler: async (req) => {
      await resetMemberPassword(ctx.db, principalOf(req), actorOf(req), req.params.agencyId, req.params.userId, req.body.newPassword, ctx.clock());
      return { ok: true as const };
    },
  });
}
