import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { actorOf, principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, uuidParam } from '../../shared/http-schemas.js';
import { fineAccount, listPayments } from './fine-account.js';
import { canReadPayments, canRecordPayment } from './policy.js';
import { recordPayment } from './record-payment.js';
import { paymentInput } from './schemas.js';
import { fineAccountView, paymentView } from './views.js';

const matterParams = agencyParams.extend({ matterId: uuidParam });

export function paymentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['罚款缴纳'];

  r.post('/api/agencies/:agencyId/matters/:matterId/payments', {
    config: { access: forAgency(canRecordPayment) },
    schema: { tags, summary: '按缴款票据记录一笔罚款或加处罚款的缴纳（金额以分计）', params: matterParams, body: paymentInput, response: { 201: paymentView, ...errorResponses } },
    handler: async (req, reply) => {
      const row = await recordPayment(ctx.db, actorOf(req), principalOf(req), req.params.agencyId, req.params.matterId, req.body, ctx.clock());
      return reply.status(201).send((await listPayments(ctx.db, req.params.matterId)).find((x) => x.id === row.id)!);
    },
  });
  r.get('/api/agencies/:agencyId/matters/:matterId/payments', {
    config: { access: forAgency(canReadPayments) },
    schema: { tags, summary: '事项的罚款、缴纳记录、缴纳期限和截至今日的加处罚款（《行政处罚法》第七十二条）', params: matterParams, response: { 200: fineAccountView, ...errorResponses } },
    handler: async (req) => fineAccount(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId, ctx.clock()),
  });
}
