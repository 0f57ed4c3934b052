import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

// Issue 10: 20 conflicting requests at once, each scenario run 5 times.
export const N = 20;
export const RUNS = 5;

/** Sends `N` requests at once; returns the winners and the losers. */
export async function burst(send: (i: number) => Promise<LightMyRequestResponse>) {
  const all = await Promise.all(Array.from({ length: N }, (_, i) => send(i)));
  const won = all.filter((r) => r.statusCode < 300);
  const lost = all.filter((r) => r.statusCode >= 300);
  return { all, won, lost };
}

/** Exactly one success; every other answer a 409 with the expected code and a Chinese message. */
export function expectOneWinner(result: Awaited<ReturnType<typeof burst>>, codes: string[]) {
  const summary = result.all.map((r) => `${r.statusCode} ${r.statusCode >= 300 ? r.json().code : ''}`).sort();
  expect(result.won.length, summary.join(', ')).toBe(1);
  for (const r of result.lost) {
    expect(r.statusCode, r.body).toBe(409);
    expect(codes, r.body).toContain(r.json().code);
    expect(r.json().message).toMatch(/[\u4e00-\u9fff]/);
  }
}
