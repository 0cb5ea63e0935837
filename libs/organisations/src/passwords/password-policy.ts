/** What a new password must satisfy; set from the environment (FENGQIAO_PASSWORD_*). */
export interface PasswordPolicySettings {
  minLength: number;
  /** How many of the four classes (lower case, upper case, digits, anything else) it must mix. */
  minClasses: number;
  /** How many of the account's latest passwords, the current one included, it may not repeat; 0: any. */
  history: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicySettings = { minLength: 12, minClasses: 3, history: 5 };

export type PasswordRule = 'LENGTH' | 'CLASSES' | 'USERNAME' | 'REUSED';

/** One broken rule, worded for the person choosing the password. */
export interface PasswordViolation {
  rule: PasswordRule;
  message: string;
  messageZh: string;
}

const CLASSES: RegExp[] = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

/**
 * The rules a password can be judged on by itself. Whether it repeats an earlier one needs the stored hashes, so
 * that check is the caller's (`reused`), worded here so every rule reads alike.
 */
export class PasswordPolicy {
  constructor(readonly settings: PasswordPolicySettings = DEFAULT_PASSWORD_POLICY) {}

  check(password: string, username: string): PasswordViolation[] {
    const { minLength, minClasses } = this.settings;
    const out: PasswordViolation[] = [];
    // Code points, not UTF-16 units: a character outside the BMP is one character to the person typing it.
    if ([...password].length < minLength) {
      out.push({ rule: 'LENGTH', message: `must be at least ${minLength} characters long`, messageZh: `密码至少 ${minLength} 位` });
    }
    const classes = CLASSES.filter((c) => c.test(password)).length;
    if (classes < minClasses) {
      out.push({
        rule: 'CLASSES',
        message: `must mix at least ${minClasses} of: lower-case letters, upper-case letters, digits, other characters`,
        messageZh: `密码须包含小写字母、大写字母、数字、其他符号中的至少 ${minClasses} 类`,
      });
    }
    if (username && password.toLowerCase().includes(username.toLowerCase())) {
      out.push({ rule: 'USERNAME', message: 'must not contain the username', messageZh: '密码不能包含用户名' });
    }
    return out;
  }

  reused(): PasswordViolation {
    const n = this.settings.history;
    return { rule: 'REUSED', message: `must differ from the last ${n} passwords of this account`, messageZh: `不能与该账号最近 ${n} 次使用的密码相同` };
  }
}
