import type { CodeLabel } from '../api/types';
import { chinaTime } from './format';

const KEYS: Record<string, string> = {
  caseNo: '案号',
  idNumber: '查询的身份证号',
  matched: '命中案件数',
  export: '导出文件',
  lines: '行数',
  username: '账号',
  roles: '角色',
  rolesBefore: '原角色',
  rolesAfter: '新角色',
  orgId: '所属单位',
  orgBefore: '原单位',
  orgAfter: '新单位',
  reason: '原因',
  accountLockedUntil: '账号锁定至',
  addressBlockedUntil: '地址封禁至',
  retentionDays: '保存天数',
  deleted: '清理条数',
};

const REASONS: Record<string, string> = {
  UNKNOWN_USER: '用户名不存在',
  INACTIVE: '账号已停用',
  WRONG_PASSWORD: '密码错误',
  WRONG_CURRENT_PASSWORD: '修改密码时当前密码错误',
  IDLE_TIMEOUT: '长时间未操作',
};

const TIMES = new Set(['accountLockedUntil', 'addressBlockedUntil']);

/** A security event's detail as people read it: Chinese names, role labels, China time; unknown keys as they are. */
export function describeSecurityDetail(detail: Record<string, unknown>, roles: CodeLabel[] = []): string {
  const roleLabel = (code: unknown) => roles.find((r) => r.code === code)?.label ?? String(code);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (value === null || value === undefined) continue;
    let text: string;
    if (Array.isArray(value)) text = key.startsWith('roles') ? value.map(roleLabel).join('、') : value.join('、');
    else if (key === 'reason') text = REASONS[String(value)] ?? String(value);
    else if (TIMES.has(key)) text = chinaTime(String(value));
    else text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    parts.push(`${KEYS[key] ?? key}：${text}`);
  }
  return parts.length ? parts.join('；') : '—';
}
