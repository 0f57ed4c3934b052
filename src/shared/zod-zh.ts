import { z } from 'zod';

// zod 4's zh-CN locale leaves type names in English ("期望 string <=40 字符"). People read these
// messages, so every issue is worded here wholly in Chinese; zh-CN remains the fallback for
// issue kinds we do not word ourselves.
const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '列表',
  null: '空值',
  undefined: '空',
  date: '日期',
  nan: '非数字',
  file: '文件',
  set: '集合',
  map: '映射',
  symbol: '符号',
  function: '函数',
  unknown: '值',
  never: '值',
  record: '对象',
  tuple: '列表',
  literal: '值',
  enum: '值',
};
const typeName = (t: string | undefined) => (t ? (typeNames[t] ?? '值') : '值');

const receivedType = (input: unknown): string => {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : 'number';
  if (input instanceof Date) return 'date';
  return typeof input;
};

const formats: Record<string, string> = {
  email: '电子邮件地址',
  url: '网址',
  uuid: 'ID',
  guid: 'ID',
  datetime: '日期时间（ISO 8601）',
  date: '日期（YYYY-MM-DD）',
  time: '时间（HH:MM:SS）',
  duration: '时长（ISO 8601）',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  base64: 'Base64 编码',
  base64url: 'Base64URL 编码',
  regex: '格式',
  json_string: 'JSON 文本',
};

const value = (v: unknown) => (typeof v === 'string' ? `“${v}”` : String(v));
const fallback = z.locales.zhCN().localeError as (issue: z.core.$ZodRawIssue) => string | { message: string } | undefined | null;

/** A zod error map whose every message is Chinese (installed once with `z.config`). */
export function zhIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必填项未填写';
      return `类型不正确：应为${typeName(issue.expected)}，收到的是${typeName(receivedType(issue.input))}`;
    case 'too_big': {
      const max = String(issue.maximum);
      const orEqual = issue.inclusive ? '' : '（不含）';
      if (issue.origin === 'string') return `长度不能超过 ${max} 个字符${orEqual}`;
      if (issue.origin === 'array' || issue.origin === 'set' || issue.origin === 'map') return `不能超过 ${max} 项${orEqual}`;
      if (issue.origin === 'file') return `文件不能超过 ${max} 字节${orEqual}`;
      if (issue.origin === 'date') return `日期不能晚于 ${max}${orEqual}`;
      return `数值不能大于 ${max}${orEqual}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      const orEqual = issue.inclusive ? '' : '（不含）';
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? '不能为空' : `长度不能少于 ${min} 个字符${orEqual}`;
      if (issue.origin === 'array' || issue.origin === 'set' || issue.origin === 'map') return `至少需要 ${min} 项${orEqual}`;
      if (issue.origin === 'file') return `文件不能小于 ${min} 字节${orEqual}`;
      if (issue.origin === 'date') return `日期不能早于 ${min}${orEqual}`;
      return `数值不能小于 ${min}${orEqual}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `取值应为 ${value(issue.values[0])}` : `取值应为以下之一：${issue.values.map(value).join('、')}`;
    case 'invalid_format': {
      const f = issue.format as string;
      if (f === 'starts_with') return `应以“${(issue as { prefix?: string }).prefix}”开头`;
      if (f === 'ends_with') return `应以“${(issue as { suffix?: string }).suffix}”结尾`;
      if (f === 'includes') return `应包含“${(issue as { includes?: string }).includes}”`;
      return `格式不正确：应为${formats[f] ?? '规定的格式'}`;
    }
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `含有不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_key':
      return '字段名无效';
    case 'invalid_union':
      return '输入不符合任何一种允许的形式';
    case 'invalid_element':
      return '含有无效的值';
    case 'custom':
      return '输入无效';
    default: {
      const m = fallback(issue);
      return (typeof m === 'string' ? m : m?.message) ?? '输入无效';
    }
  }
}

export function installChineseZodMessages() {
  z.config({ localeError: zhIssueMessage });
}
