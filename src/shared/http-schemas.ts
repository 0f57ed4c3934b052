import { z } from 'zod';

// Schemas shared by many routes. Dates travel as ISO 8601 strings in UTC (INT-4).
export const uuidParam = z.uuid({ error: '必须是有效的 ID' });
export const agencyParams = z.object({ agencyId: uuidParam });
export const errorBody = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
export const okBody = z.object({ ok: z.literal(true) });
export const isoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
/** A response timestamp: `iso(date)` of a stored time. */
export const isoString = z.string();

/**
 * The object of a response schema. Responses are encoded through their schema, which drops keys
 * it does not name; under the test runner an unnamed key is an error instead, so a handler and its
 * declared schema cannot drift apart unnoticed (the OpenAPI document is the same either way).
 */
export const responseObject: typeof z.object = process.env.VITEST ? (z.strictObject as typeof z.object) : z.object;

/** Standard error responses, so the OpenAPI document lists them for every route. */
export const errorResponses = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
