import { dayIndexFromYmd, dayIndexOfInstant, instantOfLocalTime, ymdFromDayIndex } from '../calendar/shanghai-day.js';
import { matterDeadlines, type MatterDeadline } from '../matter-deadlines/index.js';
import type { RuleSource } from '../profiles/profile-schema.js';
import type { EvaluationContext } from './evaluation-context.js';
import { findingKey, ruleOf, type Finding, type FindingRequirement } from './finding.js';
import type { MatterFacts } from './matter-facts.js';

// The national-law limits of a matter (the 法定期限 card) as findings: one computation, so the card
// and the findings never disagree. A limit is at risk on its last day and missed after it.

const REQUIREMENT_OF_RULE: Record<string, FindingRequirement> = {
  evidencePreservationDecision: 'CASE-7',
  seizureTerm: 'CASE-10',
  hearingNoticeAhead: 'CASE-9',
  finePayment: 'CASE-11',
  decisionService: 'SRV-2',
};

const END_OF_DAY_MS = 86_400_000 - 1;
// One frozen source per rule key: ruleOf caches by source identity.
const sources = new Map<string, RuleSource>();
function sourceOf(d: MatterDeadline): RuleSource {
  let source = sources.get(d.rule.key);
  if (!source) {
    source = Object.freeze({ seed: 'national', article: `《中华人民共和国${d.rule.citation.law}》${d.rule.citation.article}`, quote: d.rule.citation.quote }) as RuleSource;
    sources.set(d.rule.key, source);
  }
  return source;
}

export function lawDeadlineFindings(facts: MatterFacts, context: EvaluationContext, out: Finding[]): void {
  if (!facts.record) return;
  const today = ymdFromDayIndex(dayIndexOfInstant(context.now));
  const rollOverAgencyDays = context.profile.parameters.calendarDayRollover.value ?? true;
  for (const d of matterDeadlines({ ...facts.record, calendar: context.calendar, today, rollOverAgencyDays })) {
    const dueSoon = d.state === 'running' && d.due === today;
    if (d.state !== 'overdue' && d.state !== 'met_late' && !dueSoon) continue;
    const dueAt = instantOfLocalTime(dayIndexFromYmd(d.due), END_OF_DAY_MS);
    const late = !dueSoon;
    const finding: Finding = {
      key: findingKey('law_deadline', 'matter', `${facts.matterId}:${d.key}`),
      kind: 'law_deadline',
      requirement: REQUIREMENT_OF_RULE[d.rule.key] ?? 'CAL-2',
      state: late ? 'late' : 'due_soon',
      severity: !late ? 'low' : d.doneOn ? 'medium' : 'high',
      objectType: 'matter',
      objectId: facts.matterId,
      matterId: facts.matterId,
      dueAt,
      rule: ruleOf(context.profile, sourceOf(d)),
      detail: { deadlineKey: d.key, name: d.rule.name, act: d.act, actor: d.rule.actor, subject: d.subject, startedOn: d.startedOn, due: d.due, doneOn: d.doneOn },
    };
    if (late) finding.lateByMs = (d.doneOn ? instantOfLocalTime(dayIndexFromYmd(d.doneOn), END_OF_DAY_MS) : context.now).getTime() - dueAt.getTime();
    out.push(finding);
  }
}
