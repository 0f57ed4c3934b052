import { describe, expect, it } from 'vitest';
import { legalPersonOf, phoneProblem, postcodeProblem } from './party.js';

describe('当事人 contact details as the forms record them (issue 12)', () => {
  it.each([
    ['13812345678', true], ['19912345678', true], ['+86 138 1234 5678', true], ['0413-5551234', true], ['010-12345678', true],
    ['04135551234', true], ['010-12345678-801', true], ['12812345678', false], ['1381234567', false], ['5551234', false],
    ['0413-0551234', false], ['电话', false], ['138123456789', false],
  ])('联系电话 %s valid: %s', (phone, valid) => {
    expect(phoneProblem(phone) === null).toBe(valid);
  });

  it.each([['113001', true], ['11300', false], ['1130011', false], ['11300a', false]])('邮政编码 %s valid: %s', (code, valid) => {
    expect(postcodeProblem(code) === null).toBe(valid);
  });

  it('民法典 第五十四条: a 个体工商户 is a natural person for the rules that tell 公民 from organisations', () => {
    expect(legalPersonOf('individual_business')).toBe('natural');
    expect(legalPersonOf('natural')).toBe('natural');
    expect(legalPersonOf('legal')).toBe('legal');
  });
});
