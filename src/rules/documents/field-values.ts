// The value each field type holds once validated; forms produce these, renderers read them.

/** 自然人 with 身份证件号码, or 法人/其他组织 with 统一社会信用代码 and its representative. */
export type PartyValue = {
  kind: 'natural' | 'legal';
  name: string;
  idNumber?: string;
  legalRepresentative?: string;
  address?: string;
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

export const PARTY_KINDS = { natural: '自然人', legal: '法人或其他组织' } as const;
