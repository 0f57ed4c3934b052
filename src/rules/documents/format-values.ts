import type { ColumnDefinition, FieldDefinition } from './document-type.js';
import { PARTY_KINDS, type EvidenceRefValue, type ItemRowValue, type LawBasisValue, type OfficerValue, type PartyValue } from './field-values.js';

// How values read on paper: dates as 2026年3月5日, times in China Standard Time, money in 元 with
// the amount in capitals as financial documents write it, parties and officers in one line.

const CHINA_OFFSET_MS = 8 * 3_600_000;

export function formatDate(value: string): string {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** A wall-clock time stays as written; an instant with a zone is shown in China Standard Time. */
export function formatDateTime(value: string): string {
  const hasZone = /(Z|[+-]\d{2}:\d{2})$/.test(value);
  const wall = hasZone ? new Date(Date.parse(value) + CHINA_OFFSET_MS).toISOString() : value;
  const [datePart, timePart = '00:00'] = wall.split('T') as [string, string?];
  const [hour, minute] = timePart.split(':').map(Number);
  return `${formatDate(datePart)}${hour}时${String(minute).padStart(2, '0')}分`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** 0 < n < 10000 in capitals, a zero written once between non-zero digits. */
function groupInCapitals(group: number): string {
  const digits = String(group).padStart(4, '0');
  let text = '';
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const digit = Number(digits[i]);
    if (digit === 0) {
      pendingZero = text !== '';
      continue;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    text += DIGITS[digit]! + SMALL_UNITS[3 - i]!;
  }
  return text;
}

/** 1234.5 → 壹仟贰佰叁拾肆元伍角 (the capital form used on penalty decisions and receipts). */
export function amountInCapitals(amount: number): string {
  const fen = Math.round(amount * 100);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const cents = fen % 10;
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let integer = '';
  let pendingZero = false;
  for (let index = groups.length - 1; index >= 0; index--) {
    const group = groups[index]!;
    if (group === 0) {
      pendingZero = integer !== '';
      continue;
    }
    if (integer !== '' && (pendingZero || group < 1000)) integer += '零';
    pendingZero = false;
    integer += groupInCapitals(group) + BIG_UNITS[index]!;
  }
  if (jiao === 0 && cents === 0) return `${integer || '零'}元整`;
  let result = integer ? `${integer}元` : '';
  if (jiao > 0) result += `${DIGITS[jiao]}角`;
  else if (integer) result += '零';
  if (cents > 0) result += `${DIGITS[cents]}分`;
  return result;
}

export function formatMoney(amount: number): string {
  const figures = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `人民币${figures}元（大写：${amountInCapitals(amount)}）`;
}

const GENDER_WORDS: Record<string, string> = { male: '男', female: '女' };

/** The details the forms print after the party's name, in the forms' order for each kind (issue 12). */
function partyDetails(party: PartyValue): (string | undefined | false)[] {
  const contact = [party.postcode && `邮编：${party.postcode}`, party.phone && `联系电话：${party.phone}`];
  const licence = (party.licenceName || party.licenceNumber) && `主体资格证照：${[party.licenceName, party.licenceNumber && `编号${party.licenceNumber}`].filter(Boolean).join('，')}`;
  if (party.kind === 'natural') {
    return [
      party.gender && `性别：${GENDER_WORDS[party.gender] ?? party.gender}`,
      party.birthDate ? `出生日期：${formatDate(party.birthDate)}` : party.age !== undefined && `年龄：${party.age}岁`,
      party.idNumber && `身份证件号码：${party.idNumber}`,
      party.occupation && `职业：${party.occupation}`,
      party.employer && `工作单位：${party.employer}`,
      party.address && `住址：${party.address}`,
      ...contact,
    ];
  }
  if (party.kind === 'individual_business') {
    return [
      party.tradeName && `字号：${party.tradeName}`,
      party.idNumber && `统一社会信用代码：${party.idNumber}`,
      licence,
      party.operatorName && `经营者：${party.operatorName}`,
      party.address && `经营场所：${party.address}`,
      ...contact,
    ];
  }
  return [
    party.idNumber && `统一社会信用代码：${party.idNumber}`,
    licence,
    party.legalRepresentative && `法定代表人（负责人）：${party.legalRepresentative}${party.legalRepresentativeTitle ? `（${party.legalRepresentativeTitle}）` : ''}`,
    party.address && `住所：${party.address}`,
    ...contact,
  ];
}

export function formatParty(party: PartyValue): string {
  const details = [PARTY_KINDS[party.kind] ?? party.kind, ...partyDetails(party)].filter(Boolean);
  return `${party.name}（${details.join('；')}）`;
}

export const formatOfficers = (officers: OfficerValue[]) =>
  officers.map((officer) => `${officer.name}（执法证号：${officer.certificateNo}）`).join('、');

export const formatLawBasis = (basis: LawBasisValue[]) =>
  basis.map((entry) => {
    const law = entry.law.startsWith('《') ? entry.law : `《${entry.law}》`;
    return `${law}${entry.article ?? ''}${entry.quote ? `：“${entry.quote}”` : ''}`;
  });

export const formatEvidence = (evidence: EvidenceRefValue[]) =>
  evidence.map((entry, index) => `${index + 1}. ${entry.description}${entry.ref ? `（${entry.ref}）` : ''}`);

/** A scalar value (field or table cell) as it prints. */
export function formatScalar(definition: Pick<FieldDefinition | ColumnDefinition, 'type'>, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  switch (definition.type) {
    case 'date':
      return formatDate(String(value));
    case 'datetime':
      return formatDateTime(String(value));
    case 'money':
      return formatMoney(Number(value));
    default:
      return String(value);
  }
}

export const formatRow = (columns: ColumnDefinition[], row: ItemRowValue) =>
  columns.map((column) => {
    const value = row[column.key];
    return column.type === 'money' && typeof value === 'number' ? `${value.toFixed(2)}元` : formatScalar(column, value);
  });
