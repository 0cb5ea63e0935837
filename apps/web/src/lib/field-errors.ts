import type { FormInstance } from 'antd';
import type { FieldError } from '../api/client';

/** `parties[0].idNumber` → ['parties', 0, 'idNumber']; `data.rightsNotice.routes` with prefix 'data' → ['rightsNotice', 'routes']. */
export function fieldPath(field: string, dropPrefix?: string): (string | number)[] {
  const parts = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (dropPrefix && parts[0] === dropPrefix) parts.shift();
  return parts;
}

/**
 * Puts the API's field errors next to the form's fields. An error about a group (e.g. `rightsNotice`) goes to the
 * group's first field. Returns the errors no field of the form shows (for example a rule about the whole list of
 * parties), so the caller can show them above the form.
 */
export function showFieldErrors(form: FormInstance, errors: FieldError[], dropPrefix?: string): FieldError[] {
  const registered = registeredNames(form);
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: FieldError[] = [];
  for (const e of errors) {
    const wanted = fieldPath(e.field, dropPrefix);
    const name = wanted.length ? (registered.find((n) => n.length === wanted.length && startsWith(n, wanted)) ?? registered.find((n) => startsWith(n, wanted))) : undefined;
    if (!name) {
      unplaced.push(e);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byPath.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(e.messageZh)) entry.errors.push(e.messageZh);
    byPath.set(key, entry);
  }
  const fields = [...byPath.values()];
  form.setFields(fields);
  if (fields.length) form.scrollToField(fields[0].name, { block: 'center' });
  return unplaced;
}

function registeredNames(form: FormInstance): (string | number)[][] {
  const names: (string | number)[][] = [];
  form.getFieldsValue(true, (meta) => {
    if (meta) names.push(meta.name);
    return false;
  });
  return names;
}

function startsWith(name: (string | number)[], prefix: (string | number)[]): boolean {
  return prefix.length <= name.length && prefix.every((p, i) => p === name[i]);
}
