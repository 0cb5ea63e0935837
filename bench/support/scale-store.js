// The two databases as the scale seed sees them: read rows in a portable form (instants as ISO text, JSON as text)
// and write many rows fast — COPY FROM STDIN on PostgreSQL (pg-copy-streams), multi-row INSERTs in one transaction
// per chunk on SQLite. On both, a large load drops the secondary indexes of the tables it writes and builds them again
// at the end.
const { pipeline } = require('node:stream/promises');
const { Readable } = require('node:stream');
const { Client } = require('pg');
const { from: copyFrom } = require('pg-copy-streams');

const TABLES = ['cases', 'audit_entries', 'deadlines', 'transfers', 'case_search_keys', 'fraud_party_keys'];
/** Tables whose indexes a load may drop: those written, and case_recency, which a trigger on cases fills. */
const INDEXED = [...TABLES, 'case_recency'];

function portable(row) {
  const out = {};
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Date) out[k] = v.toISOString();
    else if (v !== null && typeof v === 'object') out[k] = JSON.stringify(v);
    else out[k] = v;
  }
  return out;
}

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function copyValue(v) {
  if (v === null || v === undefined) return '\\N';
  if (v === true) return 't';
  if (v === false) return 'f';
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

class PostgresScaleStore {
  constructor(url, schema) {
    this.client = new Client({ connectionString: url, options: schema ? `-c search_path=${schema}` : undefined });
    this.dropped = [];
  }
  async open() {
    await this.client.connect();
  }
  async close() {
    await this.client.end();
  }
  async rows(sql) {
    return (await this.client.query(sql)).rows.map(portable);
  }
  async hasTable(name) {
    return (await this.client.query('SELECT to_regclass($1) AS t', [name])).rows[0].t !== null;
  }
  /** Writes one chunk in one transaction, table by table, cases first (the others refer to them). */
  async write(chunk) {
    await this.client.query('BEGIN');
    try {
      for (const table of TABLES) {
        const rows = chunk[table];
        if (!rows.length) continue;
        const columns = Object.keys(rows[0]);
        const lines = rows.map((r) => columns.map((c) => copyValue(r[c])).join('\t') + '\n');
        const stream = this.client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
        await pipeline(Readable.from(batches(lines)), stream);
      }
      await this.client.query('COMMIT');
    } catch (error) {
      await this.client.query('ROLLBACK');
      throw error;
    }
  }
  /**
   * Drops the secondary indexes of the tables written (not those behind a key or unique constraint) and remembers
   * their definitions: building an index once after the load is several times faster than keeping it up row by row.
   */
  async dropIndexes() {
    const { rows } = await this.client.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
      [INDEXED],
    );
    for (const r of rows) await this.client.query(`DROP INDEX ${r.indexname}`);
    this.dropped = rows;
    return rows.length;
  }
  async restoreIndexes(progress) {
    await this.client.query('SET maintenance_work_mem = \'256MB\'');
    for (const r of this.dropped) {
      progress(r.indexname);
      await this.client.query(r.indexdef);
    }
    this.dropped = [];
  }
  async setCounters(counters) {
    for (const [key, last] of counters) {
      const [orgId, year] = key.split('|');
      await this.client.query(
        `INSERT INTO case_counters (org_id, year, last) VALUES ($1, $2, $3) ON CONFLICT (org_id, year) DO UPDATE SET last = GREATEST(case_counters.last, EXCLUDED.last)`,
        [orgId, Number(year), last],
      );
    }
  }
  async analyze() {
    await this.client.query(`ANALYZE ${INDEXED.join(', ')}`);
  }
}

function* batches(lines, size = 2000) {
  for (let i = 0; i < lines.length; i += size) yield lines.slice(i, i + size).join('');
}

class SqliteScaleStore {
  constructor(path) {
    const Database = require('better-sqlite3');
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.statements = new Map();
    this.dropped = [];
  }
  async open() {}
  async close() {
    this.db.close();
  }
  async rows(sql) {
    return this.db.prepare(sql).all().map(portable);
  }
  async hasTable(name) {
    return !!this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
  }
  statement(table, columns, count) {
    const key = `${table}|${columns.length}|${count}`;
    let s = this.statements.get(key);
    if (!s) {
      const one = `(${columns.map(() => '?').join(', ')})`;
      s = this.db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(count).fill(one).join(', ')}`);
      this.statements.set(key, s);
    }
    return s;
  }
  async write(chunk) {
    const run = this.db.transaction(() => {
      for (const table of TABLES) {
        const rows = chunk[table];
        if (!rows.length) continue;
        const columns = Object.keys(rows[0]);
        // At most ~30,000 parameters a statement, well under SQLite's limit of 32,766.
        const per = Math.max(1, Math.floor(30_000 / columns.length));
        for (let i = 0; i < rows.length; i += per) {
          const part = rows.slice(i, i + per);
          const values = [];
          for (const r of part) for (const c of columns) values.push(typeof r[c] === 'boolean' ? Number(r[c]) : r[c]);
          this.statement(table, columns, part.length).run(values);
        }
      }
    });
    run();
  }
  /**
   * For the load: no sync per commit (a crash mid-load leaves a file to delete, not a database to keep), a large page
   * cache, and the secondary indexes dropped (their definitions kept) to be built once at the end. The unique indexes
   * SQLite makes for keys have no definition and stay.
   */
  async dropIndexes() {
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -262144');
    this.db.pragma('temp_store = MEMORY');
    const list = INDEXED.map(() => '?').join(', ');
    this.dropped = this.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list})`).all(...INDEXED);
    for (const r of this.dropped) this.db.exec(`DROP INDEX ${r.name}`);
    return this.dropped.length;
  }
  async restoreIndexes(progress) {
    for (const r of this.dropped) {
      progress(r.name);
      this.db.exec(r.sql);
    }
    this.dropped = [];
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
  async setCounters(counters) {
    const upsert = this.db.prepare(
      `INSERT INTO case_counters (org_id, year, last) VALUES (?, ?, ?) ON CONFLICT (org_id, year) DO UPDATE SET last = MAX(case_counters.last, excluded.last)`,
    );
    for (const [key, last] of counters) {
      const [orgId, year] = key.split('|');
      upsert.run(orgId, Number(year), last);
    }
  }
  async analyze() {
    this.db.exec('ANALYZE');
  }
}

module.exports = { PostgresScaleStore, SqliteScaleStore };
