// Copies of the prototype cases for the scale seed. A prototype group is the cases of one dispute (the case a channel
// opened and the cases its transfers opened) with their audit entries, deadlines and transfers, read back as the
// database stores them. Each text value is compiled once into a template whose slots are the prototype's ids, case
// numbers, dispute code, names, identity numbers, phones, instants and dates; a copy fills the slots with its own,
// recomputes every audit hash with the engine's own function, so each copy's chain is valid and ends at the hash its
// case records, and digests its parties' numbers with the engine's search digests under the engine's key.
const { createHash, randomUUID } = require('node:crypto');
const { GENESIS_HASH, hashEntry } = require('../../libs/audit/src');
const { canonicalJson } = require('../../libs/shared/src');
const { DEMO_ORGANISATIONS, DEMO_REGIONS } = require('../../libs/organisations/src');
const { ALL_WORKFLOWS } = require('../../libs/workflow/src');
const { caseNoParts } = require('../../libs/cases/src/domain/case-factory');
const { newDisputeCode } = require('../../libs/cases/src/domain/write-planner');
const { toAuditEntry } = require('../../libs/persistence/src/stores/row-mappers');
const { SearchDigests } = require('../../libs/persistence/src/search/search-digests');
const { PROTO, withCheck } = require('./scale-prototypes');

const DAY = 86_400_000;
const CHINA = 8 * 3600_000;
const ISO_INSTANT = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z';
const QUOTED_DATE = '"\\d{4}-\\d{2}-\\d{2}"';
const CATEGORIES = [
  ['NEIGHBOUR', 24, '相邻通行与排水纠纷'], ['MARRIAGE_FAMILY', 20, '婚姻家庭赡养纠纷'], ['HOUSING_HOMESTEAD', 10, '宅基地边界纠纷'],
  ['CONTRACT', 9, '买卖合同货款纠纷'], ['TORT_DAMAGES', 8, '人身损害赔偿纠纷'], ['LABOUR', 6, '拖欠劳务报酬纠纷'],
  ['PROPERTY_MANAGEMENT', 5, '物业服务费纠纷'], ['CONSUMER', 4, '消费者权益纠纷'], ['FOREST_LAND', 3, '山林权属纠纷'],
  ['ROAD_TRAFFIC', 4, '道路交通事故赔偿纠纷'], ['VILLAGE_AFFAIRS', 3, '村务管理纠纷'], ['OTHER', 4, '其他民间纠纷'],
];
const SOURCES = [['APPLICATION', 55], ['PROACTIVE', 20], ['GRID_REPORT', 12], ['INTAKE_DISPATCH', 8], ['PETITION_TRANSFER', 5]];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文辉玉兰建国志强海燕春梅国庆金凤德胜红梅永福晓东'.match(/../g);

/** Weighted pick from [value, weight, …] rows. */
function weighted(rows) {
  const total = rows.reduce((s, r) => s + r[1], 0);
  return () => {
    let x = Math.random() * total;
    for (const r of rows) if ((x -= r[1]) < 0) return r;
    return rows[rows.length - 1];
  };
}
const pickSource = weighted(SOURCES);
const pickName = () => SURNAMES[(Math.random() * SURNAMES.length) | 0] + GIVEN[(Math.random() * GIVEN.length) | 0];
const digits = (n) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0');
/** A resident identity number of someone born 1950–2005 in the copy's county, with a valid check character. */
const pickIdNumber = (region) => withCheck(`${region.slice(0, 6)}${new Date(Date.UTC(1950, 0, 1) + Math.random() * 55 * 365 * DAY).toISOString().slice(0, 10).replace(/-/g, '')}${digits(3)}`);
const pickPhone = () => `1${'35789'[(Math.random() * 5) | 0]}${digits(9)}`;
const chinaDay = (ms) => new Date(ms + CHINA).toISOString().slice(0, 10);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const below = (code) => DEMO_REGIONS.filter((r) => r.code.startsWith(code)).map((r) => r.code);

/** Organisations a people's mediation may move to, by kind, each with the regions its cases may lie in (its own and below). */
function placements() {
  const of = (type) => DEMO_ORGANISATIONS.filter((o) => o.type === type && !o.id.includes('police') && !o.id.includes('traffic')).map((o) => ({ org: o, regions: below(o.regionCode) }));
  return { VILLAGE: of('VILLAGE_MEDIATION_COMMITTEE'), TOWNSHIP: of('TOWNSHIP_MEDIATION_COMMITTEE'), DISTRICT: of('DISTRICT_MEDIATION_CENTRE') };
}

/** Splits `text` at the tokens (exact strings), instants and quoted dates, so a copy only fills the slots. */
function compile(text, tokens, pattern) {
  if (typeof text !== 'string') return text;
  pattern.lastIndex = 0;
  if (!pattern.test(text)) return text;
  const parts = [];
  const slots = [];
  let at = 0;
  pattern.lastIndex = 0;
  for (let m; (m = pattern.exec(text)); ) {
    parts.push(text.slice(at, m.index));
    const hit = m[0];
    if (tokens.has(hit)) slots.push({ token: tokens.get(hit) });
    else if (hit.startsWith('"')) slots.push({ date: hit.slice(1, -1) });
    else slots.push({ instant: Date.parse(hit) });
    at = m.index + hit.length;
  }
  parts.push(text.slice(at));
  return { parts, slots };
}

function fill(t, values, mapTime, shiftMs) {
  if (t === null || typeof t !== 'object') return t;
  let out = t.parts[0];
  for (let i = 0; i < t.slots.length; i++) {
    const s = t.slots[i];
    if (s.token !== undefined) out += values[s.token];
    else if (s.date !== undefined) out += `"${chinaDay(Date.parse(`${s.date}T12:00:00+08:00`) - 12 * 3600_000 + shiftMs)}"`;
    else out += new Date(mapTime(s.instant)).toISOString();
    out += t.parts[i + 1];
  }
  return out;
}

function compileRow(row, tokens, pattern) {
  const out = {};
  for (const [k, v] of Object.entries(row)) out[k] = compile(v, tokens, pattern);
  return out;
}

function fillRow(tpl, values, mapTime, shiftMs) {
  const out = {};
  for (const k in tpl) out[k] = fill(tpl[k], values, mapTime, shiftMs);
  return out;
}

/**
 * Compiles one prototype group. `rows` holds the group's rows in portable form (instants as ISO text, JSON as text);
 * `proto` says the prototype's weight, whether every case of the dispute ended closed, the kind of its organisation (a
 * people's mediation may move to another of that kind), its categories, and whether the copies vary the source.
 */
function compileGroup(rows, proto) {
  const tokens = new Map();
  const slot = (literal, name) => literal && !tokens.has(literal) && tokens.set(literal, name);
  rows.cases.forEach((c, i) => {
    slot(c.id, `case${i}`);
    slot(c.case_no, `caseNo${i}`);
  });
  slot(rows.cases[0].dispute_code, 'dispute');
  rows.deadlines.forEach((d, i) => slot(d.id, `deadline${i}`));
  rows.transfers.forEach((t, i) => slot(t.id, `transfer${i}`));
  slot(PROTO.applicant, 'applicant');
  slot(PROTO.respondent, 'respondent');
  slot(rows.cases[0].summary, 'summary');
  // Every identity number and phone of the group's parties gets a slot of its own, filled with a fresh one per copy.
  const numbers = [];
  for (const c of rows.cases) {
    for (const p of JSON.parse(c.parties)) {
      for (const [kind, value] of [['id', p.idNumber], ['phone', p.phone]]) {
        if (!value || tokens.has(value)) continue;
        slot(value, `${kind}${numbers.length}`);
        numbers.push({ token: `${kind}${numbers.length}`, kind });
      }
    }
  }
  const home = DEMO_ORGANISATIONS.find((o) => o.id === proto.orgId);
  slot(`"${home.id}"`, 'orgIdQuoted');
  slot(home.name, 'orgName');
  slot(`"${rows.cases[0].region_code}"`, 'regionQuoted');
  const literals = [...tokens.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp([...literals, ISO_INSTANT, QUOTED_DATE].join('|'), 'g');
  const times = [...new Set(rows.audit.map((e) => Date.parse(e.at)))].sort((a, b) => a - b);
  const partiesMatch = (() => {
    const open = JSON.parse(rows.audit.find((e) => e.case_id === rows.cases[0].id && Number(e.seq) === 1).data);
    return open.partiesDigest === digest(JSON.parse(rows.cases[0].parties));
  })();
  const byCase = rows.cases.map((c) => rows.audit.filter((e) => e.case_id === c.id).sort((a, b) => a.seq - b.seq));
  return {
    weight: proto.weight,
    closed: proto.closed,
    kind: proto.kind,
    pickCategory: proto.categories ? weighted(proto.categories) : weighted(CATEGORIES),
    varySource: proto.varySource === true,
    numbers,
    homeRegions: below(home.regionCode),
    homeOrgId: home.id,
    times,
    pending: rows.deadlines.filter((d) => d.status === 'pending').map((d) => ({ created: Date.parse(d.created_at), due: Date.parse(d.due_at) })),
    partiesMatch,
    protoRegion: rows.cases[0].region_code,
    cases: rows.cases.map((c) => ({ tpl: compileRow(c, tokens, pattern), orgId: c.org_id, opened: Date.parse(c.opened_at), workflowId: c.workflow_id, workflowVersion: Number(c.workflow_version) })),
    audit: byCase.map((entries) => entries.map((e) => ({ tpl: compileRow({ ...e, prev_hash: null, hash: null }, tokens, pattern), at: Date.parse(e.at) }))),
    deadlines: rows.deadlines.map((d) => ({ tpl: compileRow({ ...d, claimed_by: null, claimed_until: null }, tokens, pattern), created: Date.parse(d.created_at), due: Date.parse(d.due_at), caseIndex: rows.cases.findIndex((c) => c.id === d.case_id) })),
    transfers: rows.transfers.map((t) => compileRow(t, tokens, pattern)),
  };
}

const digest = (parties) => createHash('sha256').update(canonicalJson(parties)).digest('hex');

/**
 * Makes copies of compiled groups. `counters` holds the next number of each organisation's yearly register, so the
 * copies' case numbers continue the registers the engine keeps (case_counters) without a clash.
 */
class Cloner {
  constructor(groups, { algorithm, counters, searchKey, now = Date.now(), years = 3 }) {
    this.groups = groups;
    this.pickGroup = weighted(groups.map((g) => [g, g.weight]));
    this.algorithm = algorithm;
    this.counters = counters;
    this.now = now;
    this.years = years;
    this.places = placements();
    this.defs = new Map(ALL_WORKFLOWS.map((d) => [`${d.id}@${d.version}`, d]));
    this.orgs = new Map(DEMO_ORGANISATIONS.map((o) => [o.id, o]));
    this.digests = new SearchDigests(searchKey);
    this.disputes = new Set();
  }

  /**
   * A dispute code no other copy has. The engine's codes are random within a county and day (2^24 of them): at a
   * million copies, most opened in the last weeks, a few hundred would otherwise share one and merge two disputes.
   */
  disputeCode(region, day) {
    for (;;) {
      const code = newDisputeCode(region, day);
      if (!this.disputes.has(code)) return this.disputes.add(code), code;
    }
  }

  nextNumber(orgId, year) {
    const key = `${orgId}|${year}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n;
  }

  /** One copy of a randomly chosen prototype group: its rows, ready to write. */
  next() {
    const g = this.pickGroup()[0];
    // The events' instants, spread over days; then the whole case placed in time so that it ends before now.
    const newTimes = [];
    let t = 0;
    for (let i = 0; i < g.times.length; i++) {
      if (i > 0) t += g.times[i] - g.times[i - 1] < 50 ? g.times[i] - g.times[i - 1] : (0.5 + Math.random() * 6) * DAY;
      newTimes.push(t);
    }
    const span = t;
    const P = g.times;
    // A prototype instant in the copy's time: relative to the copy's first event until the copy is placed, then absolute.
    const mapTime = (x) => {
      let lo = 0;
      let hi = P.length - 1;
      if (x < P[0]) return newTimes[0] + (x - P[0]);
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (P[mid] <= x) lo = mid;
        else hi = mid - 1;
      }
      return newTimes[lo] + (x - P[lo]);
    };
    // How long after its last event the copy's first pending deadline falls due.
    const slack = Math.min(...g.pending.map((d) => mapTime(d.created) + (d.due - d.created) - span));
    let gap;
    if (g.closed) gap = Math.random() * (this.years * 365 * DAY - span);
    // Most open cases are recent and within their periods; one in five has lain past its first pending deadline (by
    // up to ten months), which the engine's deadline worker then finds overdue.
    else if (Number.isFinite(slack) && slack > 2 * 3600_000) gap = Math.random() < 0.8 ? 3600_000 + Math.random() * (Math.min(45 * DAY, slack) - 3600_000) : slack + Math.random() * 320 * DAY;
    else gap = 3600_000 + (Math.random() < 0.8 ? Math.random() * 45 : 45 + Math.random() * 320) * DAY;
    const start = this.now - span - gap;
    for (let i = 0; i < newTimes.length; i++) newTimes[i] += start;

    const [category, , summary] = g.pickCategory();
    const [source] = pickSource();
    const places = g.kind && this.places[g.kind];
    const place = places ? places[(Math.random() * places.length) | 0] : null;
    // A case of a channel with one organisation in the district stays there, in any region it serves.
    const regions = place ? place.regions : g.homeRegions;
    const region = regions.length ? regions[(Math.random() * regions.length) | 0] : g.protoRegion;
    const orgId = place ? place.org.id : g.homeOrgId;
    const openedAt = mapTime(P[0]);
    const values = {
      applicant: pickName(),
      respondent: pickName(),
      summary,
      orgIdQuoted: `"${orgId}"`,
      orgName: this.orgs.get(orgId).name,
      regionQuoted: `"${region}"`,
      dispute: this.disputeCode(region, chinaDay(openedAt)),
    };
    for (const n of g.numbers) values[n.token] = n.kind === 'id' ? pickIdNumber(region) : pickPhone();
    const orgs = g.cases.map((c) => (c.orgId === g.homeOrgId ? orgId : c.orgId));
    g.cases.forEach((c, i) => {
      values[`case${i}`] = randomUUID();
      const year = Number(chinaDay(mapTime(c.opened)).slice(0, 4));
      const { prefix, suffix } = caseNoParts(this.defs.get(`${c.workflowId}@${c.workflowVersion}`), this.orgs.get(orgs[i]), year);
      values[`caseNo${i}`] = `${prefix}${this.nextNumber(orgs[i], year)}${suffix}`;
    });
    g.deadlines.forEach((_, i) => (values[`deadline${i}`] = randomUUID()));
    g.transfers.forEach((_, i) => (values[`transfer${i}`] = randomUUID()));

    const cases = [];
    const audit = [];
    const searchKeys = [];
    const partyKeys = [];
    g.cases.forEach((c, i) => {
      const row = fillRow(c.tpl, values, mapTime, openedAt - P[0]);
      row.org_id = orgs[i];
      if (row.region_code === g.protoRegion) row.region_code = region;
      row.category = category;
      if (i === 0 && g.varySource) row.source = source;
      const entries = g.audit[i].map((e) => {
        const r = fillRow(e.tpl, values, mapTime, mapTime(e.at) - e.at);
        if (Number(r.seq) === 1) {
          const data = JSON.parse(r.data);
          data.category = category;
          if (i === 0 && g.varySource) data.source = source;
          if (g.partiesMatch && data.partiesDigest) data.partiesDigest = digest(JSON.parse(row.parties));
          r.data = JSON.stringify(data);
        }
        return r;
      });
      let prev = GENESIS_HASH;
      for (const r of entries) {
        r.prev_hash = prev;
        r.hash = hashEntry(this.algorithm, prev, toAuditEntry(r));
        prev = r.hash;
      }
      row.head_hash = prev;
      const parties = JSON.parse(row.parties);
      for (const k of this.digests.ofParties(parties)) searchKeys.push({ kind: k.kind, digest: k.digest, case_id: row.id });
      for (const k of this.digests.ofPartyKeys(parties)) partyKeys.push({ digest: k.digest, case_id: row.id, kind: k.kind });
      cases.push(row);
      audit.push(...entries);
    });
    const deadlines = g.deadlines.map((d) => {
      const row = fillRow(d.tpl, values, mapTime, mapTime(d.created) - d.created);
      const due = mapTime(d.created) + (d.due - d.created);
      row.due_at = new Date(due).toISOString();
      row.due_on = chinaDay(due);
      row.anchor_on = chinaDay(mapTime(d.created));
      row.org_id = cases[d.caseIndex].org_id;
      return row;
    });
    const transfers = g.transfers.map((t) => {
      const row = fillRow(t, values, mapTime, 0);
      row.from_org_id = cases[0].org_id;
      return row;
    });
    return { cases, audit, deadlines, transfers, searchKeys, partyKeys };
  }
}

module.exports = { compileGroup, Cloner };
