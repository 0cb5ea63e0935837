// Records every statement the `pg` driver sends, with its parameters, one JSON line each, into the file named by
// FENGQIAO_SQL_CAPTURE: loaded into a benchmark's engine with `node -r`, it tells which queries a page runs so the
// benchmark can EXPLAIN exactly those. Slows every query (a synchronous append): never on while timing.
const { appendFileSync } = require('node:fs');
const pg = require('pg');

const file = process.env.FENGQIAO_SQL_CAPTURE;
if (file) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : config?.values;
    if (text) appendFileSync(file, `${JSON.stringify({ text, values: params ?? [] })}\n`);
    return query.call(this, config, values, callback);
  };
}
