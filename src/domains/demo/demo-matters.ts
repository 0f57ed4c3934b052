import { buildApp } from '../../server/app.js';
import type { AppContext } from '../../server/context.js';
import { dayIndexOfInstant, ymdFromDayIndex } from '../../rules/calendar/shanghai-day.js';
import { loadCalendar } from '../calendar/calendar-notices.js';
import { demoCall, demoSignIn } from './demo-client.js';
import { DemoRun, type DemoClock } from './demo-run.js';
import { penaltyPaidAndClosed, simpleProcedureClosed, penaltyHearingScheduled, executionDemanded, inspectionOpen, investigationUnderWay, licenceGranted, penaltyServedAndOverdue, seizureExtendedAndReleased, sealingRunning } from './demo-scenarios.js';

/** How far back the demo's history reaches: the oldest demo matter was filed about this long ago. */
export const DEMO_HISTORY_DAYS = 200;

const people = { handler: 'demo.handler', handler2: 'demo.handler2', reviewer: 'demo.reviewer', approver: 'demo.approver', legal: 'demo.legal', password: 'Liuhen-demo-2026' };

/**
 * The demo agency's matters, made through the product's own HTTP API on the demo's clock (an
 * in-process app instance whose clock the scenarios move), so every rule and audit applies.
 */
export async function seedDemoMatters(ctx: AppContext, clock: DemoClock, agencyId: string, officerIds: { handler: string; handler2: string }) {
  const app = await buildApp({ ...ctx, clock: clock.now }, { logger: false });
  try {
    const calendar = await loadCalendar(ctx.db);
    const today = dayIndexOfInstant(ctx.clock());
    // The working day on or before `daysAgo` days ago: offices act on working days.
    const day = (daysAgo: number) => {
      let d = today - daysAgo;
      while (!calendar.isWorkingDayIndex(d)) d -= 1;
      return ymdFromDayIndex(d);
    };
    const admin = await demoSignIn(app, 'demo.admin', people.password);
    await demoCall(app, admin, 'POST', `/api/agencies/${agencyId}/policy/choose`, { profileId: 's3-fangcheng-market', basis: '演示：采用方城县市场监督管理局全过程记录规范' });
    const run = new DemoRun(app, clock, agencyId, people, officerIds);
    const made = [];
    for (const scenario of [penaltyServedAndOverdue, licenceGranted, seizureExtendedAndReleased, sealingRunning, inspectionOpen, executionDemanded, investigationUnderWay, penaltyHearingScheduled, penaltyPaidAndClosed, simpleProcedureClosed]) {
      const m = await scenario(run, day);
      made.push({ number: m.number, id: m.id, title: m.title });
    }
    return made;
  } finally {
    await app.close();
  }
}
