import { describe, expect, it } from 'vitest';
import { effectiveUploadLimit, sizeLabel, tooLargeError } from './upload-limit.js';

describe('upload size limit (AV-2)', () => {
  it('AV-2 the effective limit is the smaller of the platform and the agency limit; no agency limit → the platform one', () => {
    expect(effectiveUploadLimit(8 * 1024 ** 3, null)).toEqual({ maxBytes: 8 * 1024 ** 3, setBy: 'platform' });
    expect(effectiveUploadLimit(8 * 1024 ** 3, 500 * 1024 ** 2)).toEqual({ maxBytes: 500 * 1024 ** 2, setBy: 'agency' });
    expect(effectiveUploadLimit(100 * 1024 ** 2, 500 * 1024 ** 2)).toEqual({ maxBytes: 100 * 1024 ** 2, setBy: 'platform' });
  });
  it('AV-2 the refusal names the limit in GB or MB and whose it is', () => {
    expect(sizeLabel(8 * 1024 ** 3)).toBe('8 GB');
    expect(sizeLabel(1536 * 1024 ** 2)).toBe('1536 MB');
    expect(sizeLabel(1000)).toBe('1000 字节');
    const err = tooLargeError({ maxBytes: 500 * 1024 ** 2, setBy: 'agency' }, 600 * 1024 ** 2);
    expect(err).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, details: { limit: 500 * 1024 ** 2 } });
    expect(err.message).toContain('本机关设定的单个音像文件上限 500 MB');
  });
});
