import { PARTY_KINDS, type PartyKindId } from '../matters/party.js';

// The value each field type holds once validated; forms produce these, renderers read them.

/**
 * 当事人 as the forms print them: 自然人 with 身份证件号码 and personal details; 法人或其他组织 with
 * 统一社会信用代码, 法定代表人 and 职务, 主体资格证照; 个体工商户 with 字号 and 经营者 (issue 12).
 */
export type PartyValue = {
  kind: PartyKindId;
  name: string;
  idNumber?: string;
  legalRepresentative?: string;
  legalRepresentativeTitle?: string;
  licenceName?: string;
  licenceNumber?: string;
  tradeName?: string;
  operatorName?: string;
  gender?: string;
  birthDate?: string;
  age?: number;
  occupation?: string;
  employer?: string;
  address?: string;
  postcode?: string;
  phone?: string;
};

/** An officer present, with the number of the enforcement certificate (S1 第九条). */
export type OfficerValue = { name: string; certificateNo: string };

export type LawBasisValue = { law: string; article?: string; quote?: string };

/** Evidence relied on: what it is and, when it is in the system, the record it points to. */
export type EvidenceRefValue = { description: string; ref?: string };

export type ItemRowValue = Record<string, string | number | undefined>;

export type FieldValue = string | number | PartyValue | OfficerValue[] | LawBasisValue[] | EvidenceRefValue[] | ItemRowValue[];

/** A document's field values by field key; absent keys are empty fields. */
export type DocumentValues = Record<string, FieldValue | undefined>;

export { PARTY_KINDS };
