import { z } from 'zod';
import { isoDate, uuidParam } from '../../shared/http-schemas.js';

export const PAYMENT_METHODS = ['bank', 'electronic', 'on_the_spot'] as const;
export const PAYMENT_METHOD_LABELS: Record<(typeof PAYMENT_METHODS)[number], string> = { bank: '指定银行缴纳', electronic: '电子支付系统缴纳', on_the_spot: '当场收缴' };
export const PAYMENT_PURPOSES = ['fine', 'surcharge'] as const;
export const PAYMENT_PURPOSE_LABELS: Record<(typeof PAYMENT_PURPOSES)[number], string> = { fine: '罚款', surcharge: '加处罚款' };

export const paymentInput = z.object({
  partyId: uuidParam,
  /** In 分: 1,234.50 元 is 123450. */
  amountFen: z.number({ error: '请填写缴纳金额' }).int('金额以分为单位，须为整数').min(1, '缴纳金额须大于 0').max(Number.MAX_SAFE_INTEGER),
  paidOn: isoDate,
  receiptNumber: z.string({ error: '请填写票据号码' }).trim().min(1, '请填写票据号码').max(60),
  method: z.enum(PAYMENT_METHODS, { error: '缴纳方式只能是：指定银行缴纳、电子支付系统缴纳、当场收缴' }),
  purpose: z.enum(PAYMENT_PURPOSES, { error: '缴纳项目只能是：罚款、加处罚款' }),
  note: z.string().trim().max(500).nullable().optional(),
});
