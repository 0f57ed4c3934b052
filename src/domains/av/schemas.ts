import { z } from 'zod';
import { uuidParam } from '../../shared/http-schemas.js';

const instant = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601' }).transform((s) => new Date(s));
const text = (max: number) => z.string().trim().max(max);

// AV-5: naming, classifying and describing a record; AV-7: how it was made.
export const protocolInput = z.object({
  announcementMade: z.boolean(),
  announcementAtSecond: z.number().int().min(0).max(86_400).nullable().optional(),
  statementMade: z.boolean(),
  landmark: text(200).nullable().optional(),
  continuous: z.boolean(),
  note: text(1000).nullable().optional(),
});

export const organiseInput = z
  .object({
    title: text(200).min(1, '请填写标题'),
    classification: text(60).min(1, '请填写分类'),
    description: text(5000).min(1, '请描述地点和内容'),
    place: text(200).nullable(),
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
    matterId: uuidParam.nullable(),
    stepId: uuidParam.nullable(),
    officerId: uuidParam.nullable(),
    startedAt: instant.nullable(),
    endedAt: instant.nullable(),
    keyPoints: z.array(text(200).min(1)).max(50),
    recordedBy: z.enum(['officer', 'party']),
    remoteWork: z.boolean(),
    returnedAt: instant.nullable(),
    exceptionApproved: z.boolean(),
    lateReason: text(1000).nullable(),
    protocol: protocolInput.nullable(),
  })
  .partial()
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: '没有要修改的内容' })
  .refine((o) => !o.startedAt || !o.endedAt || o.startedAt <= o.endedAt, { message: '结束时间不能早于开始时间', path: ['endedAt'] });

export const bookmarkInput = z.object({ atSecond: z.number().int().min(0).max(7 * 86_400), keyPoint: text(200).nullable().optional(), note: text(1000).nullable().optional() });

export const interruptionInput = z
  .object({
    matterId: uuidParam,
    stepId: uuidParam.nullable().optional(),
    avRecordId: uuidParam.nullable().optional(),
    cause: z.enum(['device_fault', 'battery', 'storage', 'weather', 'obstruction', 'other']),
    interruptedAt: instant,
    resumedAt: instant.nullable().optional(),
    resumeStatement: text(1000).nullable().optional(),
    writtenExplanation: text(3000).nullable().optional(),
    reportedTo: text(100).nullable().optional(),
  })
  .refine((i) => Boolean(i.resumedAt) || Boolean(i.writtenExplanation), { message: '未能继续记录的，须书面说明', path: ['writtenExplanation'] })
  .refine((i) => !i.resumedAt || Boolean(i.resumeStatement), { message: '恢复记录时须记录语音说明（中断原因）', path: ['resumeStatement'] })
  .refine((i) => i.cause !== 'device_fault' || Boolean(i.reportedTo), { message: '设备故障须即时报告上级，请填写报告对象', path: ['reportedTo'] })
  .refine((i) => !i.resumedAt || i.resumedAt >= i.interruptedAt, { message: '恢复时间不能早于中断时间', path: ['resumedAt'] });

export const INTERRUPTION_CAUSES = { device_fault: '设备故障', battery: '电量不足', storage: '存储空间不足', weather: '天气原因', obstruction: '当事人阻挠', other: '其他' } as const;
