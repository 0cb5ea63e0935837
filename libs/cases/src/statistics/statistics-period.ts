import { ValidationError, type FieldError } from '@app/shared';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const startOfChinaDay = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A period of China dates, both ends included, as the instants cases' opening times are compared with. */
export interface Period {
  from: string;
  to: string;
  fromInstant: string;
  toInstant: string;
}

/** `from` and `to` as YYYY-MM-DD, `from` not after `to`; a 400 naming the field otherwise. */
export function periodOf(from: string | undefined, to: string | undefined): Period {
  const errors: FieldError[] = [];
  if (!from || !validDate(from)) errors.push({ field: 'from', message: 'must be a date YYYY-MM-DD', messageZh: '须为 YYYY-MM-DD 格式的日期' });
  if (!to || !validDate(to)) errors.push({ field: 'to', message: 'must be a date YYYY-MM-DD', messageZh: '须为 YYYY-MM-DD 格式的日期' });
  if (!errors.length && from! > to!) errors.push({ field: 'to', message: 'must not be before from', messageZh: '结束日期不得早于开始日期' });
  if (errors.length) throw new ValidationError(errors);
  return { from: from!, to: to!, fromInstant: startOfChinaDay(from!), toInstant: startOfChinaDay(nextDay(to!)) };
}

/** A month YYYY-MM as a period from its first to its last day. */
export function monthPeriod(month: string | undefined): Period {
  if (!month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new ValidationError([{ field: 'month', message: 'must be a month YYYY-MM', messageZh: '须为 YYYY-MM 格式的月份' }]);
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return periodOf(`${month}-01`, last);
}
