// Pieces of the transition benchmark that the scale benchmark reuses: the raw durable-write limit of
// ../shared/bench/raw-limit, cases moved to mediation over HTTP, the autocannon load of RECORD_SESSION events, and
// the engine process's CPU time and peak RSS from /proc.
const { execFileSync } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const autocannon = require('autocannon');
const { get, post } = require('./http');

const rawLimitDir = findRawLimit();

/** ../shared/bench/raw-limit beside the checkout; from a git worktree elsewhere, beside the main checkout. */
function findRawLimit() {
  if (process.env.BENCH_RAW_LIMIT_DIR) return process.env.BENCH_RAW_LIMIT_DIR;
  const root = resolve(__dirname, '..', '..');
  const beside = resolve(root, '..', 'shared', 'bench', 'raw-limit');
  if (existsSync(beside)) return beside;
  const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: root, encoding: 'utf8' }).trim();
  return resolve(dirname(common), '..', 'shared', 'bench', 'raw-limit');
}

/** pgbench, 64 clients, one update plus one append per transaction, for `seconds`, in the database of `url`. */
function rawPostgres(url, seconds) {
  const out = execFileSync('bash', [join(rawLimitDir, 'pg-limit.sh'), String(seconds)], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  const tps = Number(/pg_raw_tps (\d+)/.exec(out)?.[1]);
  if (!tps) throw new Error(`pg-limit.sh printed no figure: ${out}`);
  return { tps, label: 'pgbench, 64 clients, update + append per transaction' };
}

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Opens `count` 人民调解 cases as `token`'s user and moves them to mediating (and, with `agreed`, to a written agreement). */
async function seedCases(base, token, count, agreed = false) {
  const me = await get(base, '/api/auth/me', token);
  const mediators = await get(base, '/api/organisations/mine/users?role=MEDIATOR', token);
  const ids = [];
  const today = chinaToday();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const c = await post(base, '/api/cases', token, {
        category: 'NEIGHBOUR',
        summary: '压测：相邻通行纠纷',
        regionCode: me.regionCode,
        source: 'APPLICATION',
        parties: [
          { role: 'APPLICANT', name: '甲' },
          { role: 'RESPONDENT', name: '乙' },
        ],
      });
      await post(base, `/api/cases/${c.id}/events`, token, { type: 'SEEK_CONSENT', data: {} });
      await post(base, `/api/cases/${c.id}/events`, token, {
        type: 'ASSIGN_MEDIATOR',
        data: { mediatorId: mediators[0].id, consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' },
      });
      await post(base, `/api/cases/${c.id}/events`, token, { type: 'START_MEDIATION', data: { startedOn: today, mode: 'ON_SITE' } });
      if (agreed) {
        await post(base, `/api/cases/${c.id}/events`, token, {
          type: 'SIGN_WRITTEN_AGREEMENT',
          data: { content: '乙方让出通道', signedPartyIds: ['P1', 'P2'], mediatorSigned: true, committeeSealed: true, effectiveOn: today },
        });
      }
      ids.push(c.id);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return ids;
}

/** `clients` autocannon connections for `seconds`, each sending RECORD_SESSION to a random case of `caseIds`. */
function drive(base, token, caseIds, { clients, seconds, withKeys = false }) {
  const body = JSON.stringify({ type: 'RECORD_SESSION', data: { heldOn: chinaToday(), summary: '双方到场，陈述意见，调解员释法说理。' } });
  return new Promise((resolvePromise, reject) => {
    autocannon(
      {
        url: base,
        connections: clients,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              path: `/api/cases/${caseIds[Math.floor(Math.random() * caseIds.length)]}/events`,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${token}`,
                ...(withKeys ? { 'idempotency-key': randomUUID() } : {}),
              },
              body,
            }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolvePromise(result)),
    );
  });
}

/**
 * The engine's CPU time (user + system) so far. Per transition it is the figure least disturbed by whatever else runs
 * on the machine: throughput and latency move with the load, the work one transition costs much less.
 */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The process's peak resident set in kB (VmHWM). */
function peakRss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
}

module.exports = { rawLimitDir, rawPostgres, seedCases, drive, cpuSeconds, peakRss, chinaToday };
