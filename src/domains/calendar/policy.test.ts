import { describe, expect, it } from 'vitest';
import { allowedRows } from '../../../test/support/principals.js';
import { canEnterCalendarNotice } from './policy.js';

describe('calendar policy (CAL-1, ORG-3)', () => {
  it("ORG-3 a holiday notice changes every agency's deadlines: the platform admin only", () => {
    expect(allowedRows(canEnterCalendarNotice)).toEqual(['platform']);
  });
});
