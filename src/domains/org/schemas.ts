import { z } from 'zod';
import { isoDate, uuidParam } from '../../shared/http-schemas.js';
import { agencyKinds, roles, unitKinds } from './roles.js';

// An empty patch is refused: it would change nothing but still count as a change.
const nonEmpty = <T extends z.ZodObject>(schema: T) =>
  schema.refine((o) => Object.values(o).some((v) => v !== undefined), { message: '没有要修改的内容' });

const name = (label: string, max = 100) =>
  z.string().trim().min(1, `${label}不能为空`).max(max, `${label}不能超过 ${max} 个字符`);

export const agencyInput = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{2,32}$/, '机关编码为 2–32 位字母、数字、下划线或短横线'),
  name: name('机关名称'),
  kind: z.enum(agencyKinds),
  delegatingAgencyId: uuidParam.nullable().optional(),
  region: z.string().trim().max(100).nullable().optional(),
  // AV-2: bytes; null = only the platform's limit (LIUHEN_UPLOAD_MAX_BYTES) applies.
  avUploadMaxBytes: z.int('音像文件上限须为整数（字节）').min(1024 * 1024, '音像文件上限不能小于 1 MB').max(Number.MAX_SAFE_INTEGER, '音像文件上限过大').nullable().optional(),
});
export const agencyPatch = nonEmpty(agencyInput.omit({ code: true }).partial());
export const agencyView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  delegatingAgencyId: z.string().nullable(),
  region: z.string().nullable(),
  avUploadMaxBytes: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const unitInput = z.object({ name: name('名称'), kind: z.enum(unitKinds) });
export const unitPatch = nonEmpty(unitInput.partial());
export const unitView = z.object({ id: z.string(), agencyId: z.string(), name: z.string(), kind: z.string(), createdAt: z.string(), updatedAt: z.string() });

export const officerInput = z
  .object({
    name: name('姓名', 50),
    unitId: uuidParam.nullable().optional(),
    userId: uuidParam.nullable().optional(),
    post: name('职务', 50),
    certificateNo: z.string().trim().regex(/^[A-Za-z0-9-]{4,32}$/, '执法证号为 4–32 位字母、数字或短横线'),
    certificateValidFrom: isoDate,
    certificateValidTo: isoDate,
    area: name('执法区域', 200),
    active: z.boolean().optional(),
  })
  .refine((o) => o.certificateValidTo >= o.certificateValidFrom, { message: '证件有效期止不能早于起始日期', path: ['certificateValidTo'] });
export const officerPatch = nonEmpty(
  z.object({
    name: name('姓名', 50),
    unitId: uuidParam.nullable(),
    userId: uuidParam.nullable(),
    post: name('职务', 50),
    certificateValidFrom: isoDate,
    certificateValidTo: isoDate,
    area: name('执法区域', 200),
    active: z.boolean(),
  }).partial(),
);
export const officerView = z.object({
  id: z.string(),
  agencyId: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  userId: z.string().nullable(),
  name: z.string(),
  post: z.string(),
  certificateNo: z.string(),
  certificateValidFrom: z.string(),
  certificateValidTo: z.string(),
  certificateValid: z.boolean(),
  area: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const roleList = z.array(z.enum(roles)).max(roles.length).refine((r) => new Set(r).size === r.length, '角色不能重复');
export const userInput = z.object({
  username: z.string().trim().regex(/^[a-z0-9_.-]{3,32}$/, '用户名为 3–32 位小写字母、数字、点、下划线或短横线'),
  displayName: name('姓名', 50),
  password: z.string().min(1, '请填写初始密码').max(200),
  roles: roleList.min(1, '至少选择一个角色'),
});
export const userPatch = nonEmpty(z.object({ displayName: name('姓名', 50), disabled: z.boolean() }).partial());
export const memberView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  roles: z.array(z.string()),
  createdAt: z.string(),
});
