import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { addDays, chinaDate, endOfChinaDay, startOfChinaDay } from './index';

// Time zones on both sides of China's UTC+8, including New York (the brief's case) and the extremes.
const SERVER_ZONES = ['America/New_York', 'UTC', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

describe.each(SERVER_ZONES)('China time with process.env.TZ = %s', (zone) => {
  const originalTz = process.env.TZ;

  beforeEach(() => {
    process.env.TZ = zone;
  });

  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ['2025-06-30T16:30:00Z', '2025-07-01'],
    ['2025-06-30T15:59:59.999Z', '2025-06-30'],
    ['2025-06-30T16:00:00Z', '2025-07-01'],
    ['2025-12-31T16:00:00Z', '2026-01-01'],
    ['2024-02-28T16:00:00Z', '2024-02-29'],
    ['2025-07-01T00:00:00-04:00', '2025-07-01'],
    ['2025-06-30T23:59:00-04:00', '2025-07-01'],
  ])('chinaDate(%s) = %s', (instant, date) => {
    expect(chinaDate(new Date(instant))).toBe(date);
  });

  it.each(['2025-06-30', '2024-02-29', '2025-12-31'])('%s ends at 24:00 China time, i.e. 16:00 UTC', (date) => {
    const end = endOfChinaDay(date);
    expect(end.toISOString()).toBe(`${date}T16:00:00.000Z`);
    expect(chinaDate(new Date(end.getTime() - 1))).toBe(date);
    expect(chinaDate(end)).toBe(addDays(date, 1));
    expect(startOfChinaDay(addDays(date, 1)).getTime()).toBe(end.getTime());
  });
});

// Jest gives each test file a copy of process.env, so assigning TZ above does not reach V8's time-zone
// setting. To prove the result really is independent of the server's zone, run the module in a child Node
// process started with that TZ (the sources are transpiled in memory; nothing is written to disk).
function runInZone(zone: string): { localHour: number; localDate: number; china: string; end: string } {
  const transpile = (file: string) =>
    ts.transpileModule(readFileSync(join(__dirname, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
  const script = `
    const load = (code, req) => { const module = { exports: {} }; new Function('exports', 'require', 'module', code)(module.exports, req, module); return module.exports; };
    const iso = load(${JSON.stringify(transpile('iso-date.ts'))}, require);
    const china = load(${JSON.stringify(transpile('china-time.ts'))}, (id) => (id === './iso-date' ? iso : require(id)));
    const instant = new Date('2025-06-30T16:30:00Z');
    process.stdout.write(JSON.stringify({
      localHour: instant.getHours(), localDate: instant.getDate(),
      china: china.chinaDate(instant), end: china.endOfChinaDay('2025-06-30').toISOString(),
    }));`;
  const output = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
  return JSON.parse(output);
}

describe('China time in a process whose TZ really is set', () => {
  it.each([
    ['America/New_York', 12, 30],
    ['Pacific/Kiritimati', 6, 1],
  ])('%s: local time is %d:30 on day %d, China date is still 2025-07-01', (zone, localHour, localDate) => {
    const result = runInZone(zone);
    // The local clock confirms the zone took effect...
    expect(result.localHour).toBe(localHour);
    expect(result.localDate).toBe(localDate);
    // ...and the China date and end of day do not depend on it.
    expect(result.china).toBe('2025-07-01');
    expect(result.end).toBe('2025-06-30T16:00:00.000Z');
  });
});

describe('China time: bad input', () => {
  it('rejects an invalid instant', () => {
    expect(() => chinaDate(new Date('not a date'))).toThrow(RangeError);
  });

  it('rejects an invalid date', () => {
    expect(() => endOfChinaDay('2025-02-29')).toThrow(RangeError);
  });

  it('handles years below 100 without the Date.UTC 1900 shift', () => {
    expect(startOfChinaDay('0099-12-31').toISOString()).toBe('0099-12-30T16:00:00.000Z');
  });
});
