import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { closingGaps } from '../../rules/matters/step-facts/closing.js';
import type { AppContext } from '../../server/context.js';
import { forAgency } from '../../server/http/access.js';
import { principalOf } from '../../server/http/auth-hooks.js';
import { agencyParams, errorResponses, responseObject, uuidParam } from '../../shared/http-schemas.js';
import type { Principal } from '../auth/principal.js';
import { shanghaiDate } from '../org/certificate.js';
import { loadMatter } from './load-matter.js';
import { canReadMatters } from './policy.js';
import { matterRecordContext } from './step-facts-context.js';

// 结案条件 (CASE-12): what still keeps the matter from closing, computed by the same pure function
// the closing step's check runs, so the matter page shows the officer what the server would refuse.

export const closingReadinessView = responseObject({
  ready: z.boolean(),
  gaps: z.array(responseObject({
    kind: z.enum(['service', 'deadline']),
    text: z.string(),
    waivedByTermination: z.boolean(),
  })),
}).meta({ id: 'ClosingReadiness' });

/** The matter's closing gaps as of `now` (Asia/Shanghai day). */
export async function closingReadiness(db: DbOrTx, p: Principal, agencyId: string, matterId: string, now: Date) {
  const loaded = await loadMatter(db, p, agencyId, matterId);
  const gaps = closingGaps({ ...(await matterRecordContext(db, loaded)), today: shanghaiDate(now) });
  return { ready: gaps.length === 0, gaps };
}

export function closingReadinessRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/agencies/:agencyId/matters/:matterId/closing-readiness', {
    config: { access: forAgency(canReadMatters) },
    schema: {
      tags: ['执法事项'],
      summary: '结案条件：尚未送达当事人的文书、尚未完成且妨碍结案的法定期限（终结执行可免除后者）',
      params: agencyParams.extend({ matterId: uuidParam }),
      response: { 200: closingReadinessView, ...errorResponses },
    },
    handler: async (req) => closingReadiness(ctx.db, principalOf(req), req.params.agencyId, req.params.matterId, ctx.clock()),
  });
}
