import type { Party, PartyValue } from '../api/index.js';
import { GENDERS, PARTY_KINDS, type PartyKindId } from '../../../src/rules/matters/party.js';
import { idTypeLabels } from '../matter-labels.js';

// 当事人 as the forms show them (issue 12): which fields each kind has, their labels, and the
// party of a matter as a document's party value.

export { GENDERS, PARTY_KINDS };
export { phoneProblem, postcodeProblem } from '../../../src/rules/matters/party.js';

export const partyKindLabel = (kind: string) => (PARTY_KINDS as Record<string, string>)[kind] ?? '当事人';
export const partyKindOptions = (Object.keys(PARTY_KINDS) as PartyKindId[]).map((value) => ({ value, label: PARTY_KINDS[value] }));

/** What the address is called on the forms for each kind. */
export const addressLabel = (kind: string) => (kind === 'natural' ? '住址' : kind === 'individual_business' ? '经营场所' : '住所');

/** Fields that belong to one kind only; cleared when the kind changes so none is sent by mistake. */
export const KIND_FIELDS: Record<PartyKindId, string[]> = {
  natural: ['gender', 'birthDate', 'age', 'occupation', 'employer'],
  legal: ['legalRepresentative', 'legalRepresentativeTitle', 'licenceName', 'licenceNumber'],
  individual_business: ['tradeName', 'operatorName', 'licenceName', 'licenceNumber'],
};
export const ALL_KIND_FIELDS = [...new Set(Object.values(KIND_FIELDS).flat())];

const orUndefined = <T,>(v: T | null | undefined) => (v === null || v === undefined || v === '' ? undefined : v);

/** A matter's party as the value of a document's party field (printed by the catalogue's formatParty). */
export function partyValueOf(p: Party): PartyValue {
  return {
    kind: p.kind,
    name: p.name,
    idNumber: p.idNumber,
    legalRepresentative: orUndefined(p.legalRepresentative),
    legalRepresentativeTitle: orUndefined(p.legalRepresentativeTitle),
    licenceName: orUndefined(p.licenceName),
    licenceNumber: orUndefined(p.licenceNumber),
    tradeName: orUndefined(p.tradeName),
    operatorName: orUndefined(p.operatorName),
    gender: p.gender ? GENDERS[p.gender] : undefined,
    birthDate: orUndefined(p.birthDate),
    age: orUndefined(p.age),
    occupation: orUndefined(p.occupation),
    employer: orUndefined(p.employer),
    address: orUndefined(p.address),
    postcode: orUndefined(p.postcode),
    phone: orUndefined(p.phone),
  };
}

/** Label–value pairs of a party for the matter page, in the forms' order; empty fields left out. */
export function partyFacts(p: Party): [string, string][] {
  const facts: [string, string | null | undefined][] = [
    [idTypeLabels[p.idType] ?? '证件号码', p.idNumber],
    ['字号', p.tradeName],
    ['经营者', p.operatorName],
    ['法定代表人（负责人）', p.legalRepresentative && `${p.legalRepresentative}${p.legalRepresentativeTitle ? `（${p.legalRepresentativeTitle}）` : ''}`],
    ['主体资格证照', [p.licenceName, p.licenceNumber].filter(Boolean).join(' ')],
    ['性别', p.gender ? GENDERS[p.gender] : null],
    ['出生日期', p.birthDate],
    ['年龄', p.age !== null ? `${p.age}岁` : null],
    ['职业', p.occupation],
    ['工作单位', p.employer],
    [addressLabel(p.kind), p.address],
    ['邮编', p.postcode],
    ['联系电话', p.phone],
  ];
  return facts.filter((f): f is [string, string] => Boolean(f[1]));
}
