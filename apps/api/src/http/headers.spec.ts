import { ValidationError } from '@app/shared';
import { parseIfMatch } from './headers';

describe('parseIfMatch (RFC 9110 §13.1.1, strong comparison)', () => {
  it('reads strong tags, lists of them and a bare version', () => {
    expect(parseIfMatch('"5"')).toEqual([5]);
    expect(parseIfMatch('5')).toEqual([5]);
    expect(parseIfMatch('"4", "5"')).toEqual([4, 5]);
    expect(parseIfMatch(' "4" ,, "5" ')).toEqual([4, 5]);
  });

  it('leaves no version for a weak tag or a tag naming none: nothing matches', () => {
    expect(parseIfMatch('W/"5"')).toEqual([]);
    expect(parseIfMatch('W/"5", "x", "", "05", "-1", "99999999999999999999"')).toEqual([]);
    expect(parseIfMatch('W/"4", "5"')).toEqual([5]);
  });

  it('treats * and an absent header as no condition', () => {
    expect(parseIfMatch('*')).toBeUndefined();
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('')).toBeUndefined();
  });

  it('refuses what is no list of entity tags, naming If-Match', () => {
    for (const bad of ['yesterday', '"5', '5"', '"4" "5"', ',', ' , ', 'W/5', 'w/"5"', '*, "5"', '"a"b"']) {
      let error: unknown;
      try {
        parseIfMatch(bad);
      } catch (e) {
        error = e;
      }
      expect({ bad, error }).toEqual({ bad, error: expect.any(ValidationError) });
      expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['If-Match']);
    }
  });
});
