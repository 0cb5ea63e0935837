import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_HEARING_RULES } from '@app/workflow';
import { loadConfig } from './app-config';

/** FENGQIAO_HEARING_RULES: the regions' hearing rules are read once at start, checked, and handed to the machines. */
describe('FENGQIAO_HEARING_RULES', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearing-rules-'));
  const file = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };

  it('defaults to the shipped rules of 青溪区 and 南山镇, also as the machines’ policy', () => {
    const config = loadConfig({});
    expect(config.hearingRules).toBe(DEFAULT_HEARING_RULES);
    expect(config.legalPolicy.values['hr.rules']).toBe(DEFAULT_HEARING_RULES);
  });

  it('reads a region’s own rules from the file it names, keeping the other legal policy', () => {
    const own = [{ ...DEFAULT_HEARING_RULES[0], regionCode: '330200', name: '另一区' }];
    const config = loadConfig({ FENGQIAO_HEARING_RULES: file('own.json', own), FENGQIAO_LEGAL_POLICY: '{"xf.excludeHearingTimeAtReview":true}' });
    expect(config.hearingRules.map((r) => r.name)).toEqual(['另一区']);
    expect(config.legalPolicy.values).toMatchObject({ 'xf.excludeHearingTimeAtReview': true, 'hr.rules': own });
  });

  it('refuses to start on unusable rules, naming the field, or on a file that is not JSON', () => {
    const even = [{ ...DEFAULT_HEARING_RULES[0], levels: { ...DEFAULT_HEARING_RULES[0].levels, VILLAGE: { ...DEFAULT_HEARING_RULES[0].levels.VILLAGE, panel: { min: 2, max: 4 } } } }];
    expect(() => loadConfig({ FENGQIAO_HEARING_RULES: file('even.json', even) })).toThrow('[0].levels.VILLAGE.panel min and max must be odd');
    expect(() => loadConfig({ FENGQIAO_HEARING_RULES: file('broken.json', '{not json') })).toThrow('FENGQIAO_HEARING_RULES must name a readable JSON file');
    expect(() => loadConfig({ FENGQIAO_HEARING_RULES: join(dir, 'missing.json') })).toThrow('FENGQIAO_HEARING_RULES must name a readable JSON file');
  });
});
