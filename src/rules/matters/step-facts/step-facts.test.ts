import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../calendar/index.js';
import { checkStepFacts, STEP_FACTS, type StepFactsContext } from './index.js';
import { validateDocumentType } from '../../documents/document-type.js';

const ctx = (step: string): StepFactsContext => ({
  category: 'penalty_general', step, occurredAt: new Date('2026-03-02T02:00:00Z'), occurredOn: '2026-03-02',
  steps: [], parties: [], documents: [], services: [], calendar: createCalendar({ notices: [] }), rollOverAgencyDays: false,
});

const preserved = { preservation_reason: '涉案物品可能被转移', preservation_form: '先行登记保存', preserved_items: [{ name: '无证出版物', quantity: 120, unit: '册' }], storage_place: '局物证室' };

describe('step facts (CASE-7 S1 第十三条)', () => {
  it('every declared step facts form is a valid field schema (the same engine as documents)', () => {
    for (const [step, facts] of Object.entries(STEP_FACTS)) {
      const asType = { id: 'x', name: step, categories: ['penalty_general'], activities: [step], phase: 'investigation', issuedToParty: false, audience: 'internal', signers: [], approval: false, numberPrefix: null, fields: facts.fields, commonRequired: [], minimumOfficers: 0, source: facts.source };
      expect(validateDocumentType(asType), step).toMatchObject({ ok: true });
    }
  });

  it('S1 第十三条: a preservation without reason, object and form is refused with each named', () => {
    const r = checkStepFacts({}, ctx('evidence_preservation'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual(['preservation_form', 'preservation_reason', 'preserved_items']);
    expect(r.problems.join('')).toContain('证据保全的启动理由');
  });

  it('S1 第十三条: 先行登记保存 also needs where the items are kept; 复制 does not', () => {
    const { storage_place: _s, ...withoutPlace } = preserved;
    const r = checkStepFacts(withoutPlace, ctx('evidence_preservation'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['storage_place']);
    expect(checkStepFacts({ ...withoutPlace, preservation_form: '复制' }, ctx('evidence_preservation')).ok).toBe(true);
  });

  it('S1 第十三条: complete facts are kept, cleaned (blank optional cells dropped)', () => {
    const r = checkStepFacts({ ...preserved, preservation_reason: '  涉案物品可能被转移 ' }, ctx('evidence_preservation'));
    expect(r).toEqual({ ok: true, values: { ...preserved } });
  });

  it('a step with no declared facts keeps the details it was given, or none', () => {
    expect(checkStepFacts({ any: 1 }, ctx('questioning'))).toEqual({ ok: true, values: { any: 1 } });
    expect(checkStepFacts(undefined, ctx('questioning'))).toEqual({ ok: true, values: null });
  });
});
