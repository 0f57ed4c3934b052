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
  return parts.join('\n');
}
