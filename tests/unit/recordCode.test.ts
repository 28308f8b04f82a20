import { describe, expect, it } from 'vitest';
import { parseRecordCode, recordCode } from '../../src/shared/recordCode';

describe('the record code on the stamp and the receipt', () => {
  it('carries the holder code, the index and the date, and reads back', () => {
    const code = recordCode({ holderCode: '04054346', index: 'З-125', receivedDate: '2026-11-23' });
    expect(code).toBe('RD1|04054346|З-125|2026-11-23');
    expect(parseRecordCode(code)).toEqual({ holderCode: '04054346', index: 'З-125', receivedDate: '2026-11-23' });
  });
  it('an index with «|» cannot split the code; foreign codes are not ours', () => {
    expect(parseRecordCode(recordCode({ holderCode: '1', index: 'a|b', receivedDate: '2026-01-01' }))?.index).toBe('a/b');
    expect(parseRecordCode('https://example.com')).toBeNull();
    expect(parseRecordCode('RD1|1|2|yesterday')).toBeNull();
  });
});
