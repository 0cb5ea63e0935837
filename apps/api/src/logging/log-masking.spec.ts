import { maskText, maskUrl } from './log-masking';

describe('personal data kept out of log lines', () => {
  it('replaces the values of search parameters, whatever they hold', () => {
    expect(maskUrl('/api/cases?idNumber=11010119900307451X&page=2')).toBe('/api/cases?idNumber=***&page=2');
    expect(maskUrl('/api/cases?q=%E5%BC%A0%E4%B8%89&state=mediating')).toBe('/api/cases?q=***&state=mediating');
    expect(maskUrl('/api/admin/users?username=fy_mediator')).toBe('/api/admin/users?username=***');
  });

  it('masks what looks like an ID number or a mobile number anywhere else', () => {
    expect(maskText('110101199003074514')).toBe('110101********4');
    expect(maskText('号码 13812345678 已登记')).toBe('号码 138****5678 已登记');
    expect(maskUrl('/api/parties/110101199003074514/cases?other=13987654321')).toBe('/api/parties/110101********4/cases?other=139****4321');
  });

  it('leaves case ids, dates and region codes alone', () => {
    const url = '/api/cases/0b6f7a52-3c1e-4a59-9f0e-2d3b4c5d6e7f/events?from=2026-01-01&regionCode=330199101201';
    expect(maskUrl(url)).toBe(url);
  });
});
