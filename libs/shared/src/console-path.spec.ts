import { safeNextPath } from './console-path';

describe('safeNextPath', () => {
  it('keeps a path of the console, with its query and fragment', () => {
    expect(safeNextPath('/cases/6f1c2a4e-0000-4000-8000-000000000000')).toBe('/cases/6f1c2a4e-0000-4000-8000-000000000000');
    expect(safeNextPath('/cases?state=mediating&page=2')).toBe('/cases?state=mediating&page=2');
    expect(safeNextPath('/admin/calendar#2027')).toBe('/admin/calendar#2027');
  });

  it('gives the work queue for nothing, or for anything that would leave the console', () => {
    for (const next of [null, undefined, '', 'cases/1', '//evil.example/cases', '/\\evil.example', '\\\\evil.example', 'http://evil.example/', 'https:evil.example', 'javascript:alert(1)', '/\t/evil.example', '/\n/evil.example', ' /cases']) {
      expect({ next, to: safeNextPath(next) }).toEqual({ next, to: '/' });
    }
  });

  it('never sends a person back to the login page or to a raw API answer', () => {
    expect(safeNextPath('/login?next=%2Fcases')).toBe('/');
    expect(safeNextPath('/api/cases')).toBe('/');
    expect(safeNextPath('/%2e%2e/login')).toBe('/');
  });
});
