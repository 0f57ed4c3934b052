import type { EnforcementCategory } from '../profiles/vocabulary.js';
import type { Phase, StartRoute } from './phases.js';

// A category's lifecycle is one definition: which steps exist, in which phase, and what must
// be done before each. Prerequisites are "all of these groups, each satisfied by any one of its
// steps", which is how the seeds speak ("作出决定前应当告知…", "立案或紧急启动后方可调查").

export type StepDefinition = {
  step: string;
  phase: Phase;
  /** Every group must be satisfied by a completed step from it. */
  after?: string[][];
  /** None of these may have been completed (e.g. no 不予受理 after 受理). */
  notAfter?: string[];
  /** Needs 承办人 → 审核人 → 批准人 approval before it counts as done (CASE-4). */
  approval?: boolean;
  /** May happen more than once (questioning, inspections, service …). */
  repeatable?: boolean;
  /** Records the end of the matter (CASE-12). */
  endsMatter?: boolean;
  /** Investigation or inspection that the general procedure does with ≥ 2 officers (ORG-2). */
  investigative?: boolean;
};

export type Lifecycle = {
  category: EnforcementCategory;
  startRoutes: StartRoute[];
  /** The first step for each start route. */
  firstStep: Partial<Record<StartRoute, string>>;
  steps: StepDefinition[];
};

/** What has happened in a matter, as the rules see it. */
export type StepRecord = { step: string; done: boolean };

export type StepCheck =
  | { ok: true; definition: StepDefinition }
  | { ok: false; code: 'UNKNOWN_STEP' | 'OUT_OF_ORDER' | 'ALREADY_DONE' | 'MATTER_ENDED'; missing: string[] };
