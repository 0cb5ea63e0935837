import { PasswordPolicy } from './password-policy';

describe('PasswordPolicy', () => {
  const policy = new PasswordPolicy({ minLength: 12, minClasses: 3, history: 5 });
  const rules = (password: string, username = 'fy_clerk') => policy.check(password, username).map((v) => v.rule);

  it('accepts a long password mixing three classes', () => {
    expect(rules('quiet-river-42')).toEqual([]);
    expect(rules('QuietRiver2026')).toEqual([]);
  });

  it('counts length in characters as a person types them', () => {
    expect(rules('Short-pw-11')).toEqual(['LENGTH']);
    expect(rules('Short-pw-112')).toEqual([]);
    // Twelve characters, some outside the Basic Multilingual Plane (two UTF-16 units each).
    expect(rules('調解𠀀𠀀𠀀𠀀𠀀𠀀Ab1x')).toEqual([]);
    expect(rules('調解𠀀𠀀𠀀𠀀𠀀Ab1x')).toEqual(['LENGTH']);
  });

  it('needs the configured number of character classes, counting Chinese as "other"', () => {
    expect(rules('alllowercaseletters')).toEqual(['CLASSES']);
    expect(rules('lowercase-and-dash')).toEqual(['CLASSES']);
    expect(rules('lowercase-and-dash-1')).toEqual([]);
    expect(rules('枫桥经验调解员zhang1')).toEqual([]);
    expect(new PasswordPolicy({ minLength: 12, minClasses: 4, history: 5 }).check('lowercase-and-dash-1', 'x').map((v) => v.rule)).toEqual(['CLASSES']);
    expect(new PasswordPolicy({ minLength: 8, minClasses: 1, history: 0 }).check('abcdefgh', 'x')).toEqual([]);
  });

  it('refuses a password containing the username, whatever the case', () => {
    expect(rules('My-FY_Clerk-2026')).toEqual(['USERNAME']);
    expect(rules('fy_clerk', 'fy_clerk')).toEqual(['LENGTH', 'CLASSES', 'USERNAME']);
  });

  it('reports every broken rule, in English and Chinese', () => {
    const found = policy.check('xfy_clerk', 'fy_clerk');
    expect(found.map((v) => v.rule)).toEqual(['LENGTH', 'CLASSES', 'USERNAME']);
    expect(found.map((v) => v.messageZh)).toEqual(['密码至少 12 位', '密码须包含小写字母、大写字母、数字、其他符号中的至少 3 类', '密码不能包含用户名']);
    expect(found[0].message).toBe('must be at least 12 characters long');
    expect(policy.reused()).toMatchObject({ rule: 'REUSED', messageZh: '不能与该账号最近 5 次使用的密码相同' });
  });
});
