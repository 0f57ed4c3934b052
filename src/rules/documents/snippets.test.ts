import { describe, expect, it } from 'vitest';
import { documentTypes } from './catalogue/index.js';
import { fieldsOf } from './field-builders.js';
import { RECORDING_ANNOUNCEMENT, refusalWording, snippetsFor } from './snippets.js';

describe('DOC-6 standard wording', () => {
  it('DOC-6: the rights notice offers wording for 陈述、申辩 and 听证; decisions for 复议 and 诉讼', () => {
    const rights = snippetsFor('penalty_rights_notice', 'rights').join('');
    expect(rights).toMatch(/陈述、申辩/);
    expect(rights).toMatch(/听证/);
    const remedy = snippetsFor('penalty_decision', 'remedy_notice').join('');
    expect(remedy).toMatch(/行政复议/);
    expect(remedy).toMatch(/行政诉讼/);
  });

  it('DOC-6: showing the certificate comes with the S0 第六条 announcement sentence, word for word', () => {
    const phrases = snippetsFor('on_site_inspection_record', 'identity_shown');
    expect(phrases.some((phrase) => phrase.includes('这是我们的执法证件'))).toBe(true);
    expect(phrases).toContain('为保护您的合法权益，监督我们的执法行为，本次行政执法全程录音、录像。');
    expect(RECORDING_ANNOUNCEMENT).toBe(phrases[2]);
  });

  it('DOC-6: a type\'s own phrases come before the general ones; an unknown field has none', () => {
    const reasons = snippetsFor('seizure_decision', 'remedy_notice');
    expect(reasons.length).toBeGreaterThan(0);
    expect(snippetsFor('seizure_decision', 'reason')[0]).toMatch(/依法对下列财物实施扣押/);
    expect(snippetsFor('seizure_decision', 'no_such_field')).toEqual([]);
  });

  it('DOC-6: every snippet offered belongs to a field the type has', () => {
    for (const type of documentTypes) {
      for (const field of fieldsOf(type)) for (const phrase of snippetsFor(type.id, field.key)) expect(phrase.trim()).not.toBe('');
    }
    expect(fieldsOf(documentTypes.find((type) => type.id === 'penalty_rights_notice')!).map((field) => field.key)).toContain('rights');
  });

  it('DOC-6: the refusal-to-sign wording names reason and witness (DOC-3)', () => {
    expect(refusalWording('当事人', '不认可检查结果', '钱某')).toBe('当事人拒绝签字，理由：不认可检查结果，见证人：钱某');
  });
});

describe('DOC-6 wording of the issue 12 forms', () => {
  it('行政处罚法 第六十四条: the 听证通知书 offers the rights in the hearing; 行政处罚法 第五十五条: the 询问通知书 the duty to answer', () => {
    expect(snippetsFor('hearing_notice', 'hearing_rights').join('')).toContain('申请回避');
    expect(snippetsFor('questioning_notice', 'duty_notice')[0]).toContain('第五十五条');
    expect(snippetsFor('service_announcement', 'waiting_period')).toEqual(['自公告发布之日起经过三十日，即视为送达。']);
    expect(snippetsFor('rectification_notice', 'remedy_notice').length).toBeGreaterThan(0);
  });
});
