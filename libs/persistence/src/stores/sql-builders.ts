import type { Dialect, Params } from '../db/db';

/** PostgreSQL types of the columns written through gated inserts, which cannot infer parameter types from context. */
const PG_TYPES: Record<string, Record<string, string>> = {
  cases: { workflow_version: 'integer', context: 'jsonb', version: 'integer', deadlines_rev: 'integer', parties: 'jsonb', amount_in_dispute: 'numeric', agreement_amount: 'numeric', links: 'jsonb', closed: 'boolean', opened_at: 'timestamptz', updated_at: 'timestamptz' },
  audit_entries: { seq: 'integer', at: 'timestamptz', data: 'jsonb', documents: 'jsonb' },
  deadlines: {
    period: 'jsonb',
    due_at: 'timestamptz',
    soft: 'boolean',
    provisional: 'boolean',
    met_by: 'jsonb',
    roll_forward: 'boolean',
    pauses: 'jsonb',
    extensions: 'jsonb',
    created_at: 'timestamptz',
    closed_at: 'timestamptz',
    fired_at: 'timestamptz',
    reminded_at: 'timestamptz',
    escalated_at: 'timestamptz',
  },
  idempotency_keys: { status: 'integer', response: 'jsonb', created_at: 'timestamptz' },
  outbox: { data: 'jsonb', created_at: 'timestamptz', attempts: 'integer' },
  transfers: { dossier: 'jsonb', sent_at: 'timestamptz', decided_at: 'timestamptz' },
  notifications: { created_at: 'timestamptz', read_at: 'timestamptz' },
  risk_reports: { reported_at: 'timestamptz', notified_org_ids: 'jsonb' },
  case_team_members: { added_at: 'timestamptz', added_seq: 'integer' },
  attachments: { seq: 'integer', event_seq: 'integer', size: 'integer', uploaded_at: 'timestamptz' },
};

export interface Statement {
  sql: string;
  params: Params;
}

/** `row`'s keys are column names; parameters are prefixed so several statements can share one parameter object. */
export function insert(table: string, row: Record<string, unknown>, prefix: string): Statement {
  const columns = Object.keys(row);
  const params: Params = {};
  for (const c of columns) params[`${prefix}_${c}`] = row[c];
  return { sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `:${prefix}_${c}`).join(', ')})`, params };
}

/** An insert that happens only if the CTE named `gate` produced a row (PostgreSQL). */
export function gatedInsert(table: string, row: Record<string, unknown>, prefix: string, gate: string): Statement {
  const columns = Object.keys(row);
  const types = PG_TYPES[table] ?? {};
  const params: Params = {};
  for (const c of columns) params[`${prefix}_${c}`] = row[c];
  const values = columns.map((c) => `:${prefix}_${c}::${types[c] ?? 'text'}`);
  return { sql: `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM ${gate}`, params };
}

/** Chains statements into one atomic PostgreSQL statement: the first is the gate, the rest run only if it wrote a row. */
export function chain(gate: Statement, rest: Statement[]): Statement {
  const params: Params = { ...gate.params };
  const parts = [`gate AS (${gate.sql} RETURNING 1 AS ok)`];
  rest.forEach((s, i) => {
    Object.assign(params, s.params);
    parts.push(`w${i} AS (${s.sql})`);
  });
  return { sql: `WITH ${parts.join(',\n')}\nSELECT count(*)::int AS n FROM gate`, params };
}

export function isUniqueViolation(error: unknown, dialect: Dialect): boolean {
  const e = error as { code?: string; message?: string };
  return dialect === 'postgres' ? e.code === '23505' : /UNIQUE constraint failed|PRIMARY KEY/.test(String(e.message));
}
