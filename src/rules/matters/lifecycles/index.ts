import type { EnforcementCategory } from '../../profiles/vocabulary.js';
import type { Lifecycle } from '../lifecycle.js';
import { coerciveExecution, coerciveMeasure } from './coercion.js';
import { expropriation, inspection, licensing } from './others.js';
import { penaltyGeneral, penaltySimple } from './penalty.js';

/** One lifecycle per category (CASE-1). docs/lifecycles.md is generated from these. */
export const LIFECYCLES: Record<EnforcementCategory, Lifecycle> = {
  licensing,
  penalty_general: penaltyGeneral,
  penalty_simple: penaltySimple,
  coercive_measure: coerciveMeasure,
  coercive_execution: coerciveExecution,
  inspection,
  expropriation,
};

export const lifecycleOf = (category: EnforcementCategory) => LIFECYCLES[category];
