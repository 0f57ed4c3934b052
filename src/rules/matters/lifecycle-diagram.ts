import { createCalendar } from '../calendar/create-calendar.js';
import { STEP_FACTS } from './step-facts/index.js';
import type { MatterRecord } from './step-facts/step-facts.js';
import { ENFORCEMENT_CATEGORIES } from '../profiles/vocabulary.js';
import { stepLabel } from './activity-labels.js';
import type { Lifecycle } from './lifecycle.js';
import { PHASES, PHASE_ORDER } from './phases.js';

/** A Mermaid flowchart of one lifecycle: steps grouped by phase, arrows from prerequisites. */
export function lifecycleMermaid(l: Lifecycle): string {
  const lines = ['```mermaid', 'flowchart LR'];
  for (const phase of PHASE_ORDER) {
    const steps = l.steps.filter((s) => s.phase === phase);
    if (!steps.length) continue;
    lines.push(`  subgraph ${phase}["${PHASES[phase]}"]`);
    for (const s of steps) {
      const marks = [s.approval ? '需审批' : '', s.repeatable ? '可多次' : '', s.endsMatter ? '终结' : ''].filter(Boolean).join('·');
      lines.push(`    ${s.step}["${stepLabel(s.step)}${marks ? `<br/><small>${marks}</small>` : ''}"]`);
    }
    lines.push('  end');
  }
  for (const s of l.steps) {
    for (const group of s.after ?? []) {
      const style = group.length > 1 ? '-.->' : '-->';
      for (const from of group) if (l.steps.some((x) => x.step === from)) lines.push(`  ${from} ${style} ${s.step}`);
    }
  }
  lines.push('```');
  return lines.join('\n');
}

export function lifecyclesDocument(lifecycles: Lifecycle[]): string {
  const parts = [
    '# Lifecycles of enforcement matters (CASE-1, CASE-2, CASE-5)',
    '',
    'Generated from `src/rules/matters/lifecycles/` by `npm run docs:lifecycles`; a test keeps it in step.',
    'A solid arrow is a step that must come first; dotted arrows from a group mean any one of them suffices.',
    '"需审批" steps count as done only after 承办人 → 审核人 → 批准人 approval (CASE-4).',
    '',
  ];
  for (const l of lifecycles) parts.push(`## ${ENFORCEMENT_CATEGORIES[l.category]} (\`${l.category}\`)`, '', lifecycleMermaid(l), '');
  parts.push(...stepFactsSection());
  return parts.join('\n');
}

/** What each step records beyond time, place and officers (CASE-6 … CASE-12), from the step-facts declarations. */
function stepFactsSection(): string[] {
  // A form whose choices list the matter's own records (which seizure) is shown for a matter without any.
  const none: MatterRecord = { category: 'penalty_general', steps: [], parties: [], documents: [], services: [], calendar: createCalendar({ notices: [] }), rollOverAgencyDays: true };
  const rows = Object.entries(STEP_FACTS).map(([step, facts]) => `| ${stepLabel(step)} (\`${step}\`) | ${(facts.fieldsFor?.(none) ?? facts.fields).map((f) => f.label + (f.required ? '' : '（选填）')).join('、')} | ${facts.source} |`);
  return [
    '## What a step records',
    '',
    'Besides when, where and which officers, these steps record the facts below (`src/rules/matters/step-facts/`); a step',
    'lacking one is refused with the field named, and a step the law forbids now (a second seizure extension, enforcement',
    'at night without urgency, a court application outside its window, 结案 with a fine unpaid …) is refused citing the article.',
    'The national-law time limits these facts start are on the matter page\'s 「法定期限」 (`docs/deadlines.md`).',
    '',
    '| step | records | source |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ];
}
