import type { DocumentValues } from '../../documents/field-values.js';
import { validateFieldValues } from '../../documents/validate-fields.js';
import { closingFacts } from './closing.js';
import { evidencePreservationFacts } from './evidence-preservation.js';
import { preservationDecisionFacts } from './preservation-decision.js';
import { sealingFacts, seizureFacts } from './seizure.js';
import { seizureExtensionFacts } from './seizure-extension.js';
import { seizureReleaseFacts } from './seizure-release.js';
import { EXECUTION_FACTS } from './execution.js';
import { onTheSpotReportFacts, simpleProcedurePenaltyFacts } from './simple-procedure.js';
import type { StepFacts, StepFactsContext, StepFactsResult } from './step-facts.js';

export type { MatterRecord, StepFacts, StepFactsContext, StepFactsResult } from './step-facts.js';

/** The steps that record facts of their own; every other step records when, where and who only. */
export const STEP_FACTS: Readonly<Record<string, StepFacts>> = {
  evidence_preservation: evidencePreservationFacts,
  // 先行登记保存 and 查封、扣押 (CASE-7, CASE-10): docs/custody.md.
  preservation_decision: preservationDecisionFacts,
  seizure: seizureFacts,
  sealing: sealingFacts,
  seizure_extension: seizureExtensionFacts,
  seizure_release: seizureReleaseFacts,
  ...EXECUTION_FACTS,
  simple_procedure_penalty: simpleProcedurePenaltyFacts, on_the_spot_report: onTheSpotReportFacts, closing: closingFacts,
};

export const stepFactsOf = (step: string): StepFacts | undefined => STEP_FACTS[step];

/**
 * Checks a step's facts: the fields first (every gap at once), then the step's rule against the
 * matter. A step without declared facts keeps whatever details it was given.
 */
export function checkStepFacts(details: Record<string, unknown> | null | undefined, ctx: StepFactsContext): StepFactsResult {
  const facts = stepFactsOf(ctx.step);
  if (!facts) return { ok: true, values: details ?? null };
  const valid = validateFieldValues(facts.fieldsFor?.(ctx) ?? facts.fields, details ?? {});
  if (!valid.ok) return { ok: false, issues: valid.issues, problems: valid.issues.map((i) => i.message) };
  const problems = facts.check?.(valid.values as DocumentValues, ctx) ?? [];
  if (problems.length) return { ok: false, issues: [], problems };
  return { ok: true, values: valid.values };
}
