import { EventBus } from '@nestjs/cqrs';
import { CaseStore, IdempotencySettings, OpenCaseCommand, StoredCaseViews, WritePlanner } from '@app/cases';
import { DirectoryService, type Viewer } from '@app/organisations';
import { Clock } from '@app/shared';
import { ALL_WORKFLOWS, WorkflowRegistry } from '@app/workflow';
import { OpenCaseHandler } from '../../libs/cases/src/commands/open-case/open-case.handler';
import { APPLICANT, RESPONDENT, apply, auth, getCase, history, pmCaseIn, send, today, verifyAudit } from '../support/cases';
import { TEST_DATABASES } from '../support/databases';
import { at10, setClock } from '../support/deadlines';
import { createTestApp, type TestApp } from '../support/test-app';

/*
 * Versions of a workflow side by side: 司法确认 v2 is registered beside v1, new cases open on v2, cases opened on v1
 * stay pinned to it and keep working with v1's events until an administrator previews the migration and runs it.
 * Each migrated case gets exactly one MIGRATE audit entry on its hash chain; closed cases and other workflows' cases
 * are left alone.
 *
 * A v1 case is opened the way the engine opened jc cases before v2 was registered: the production OpenCaseHandler,
 * write planner and case store of the running app, with the registry as it was then (jc's latest version being 1).
 */

const MIGRATIONS = '/api/admin/workflows/jc/migrations';
const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

describe.each(TEST_DATABASES)('workflow versions and case migration ($name)', (database) => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(database);
    admin = auth(await t.login('admin'));
    await setClock(t, at10('2025-06-16'));
  });
  afterAll(async () => {
    await t?.close();
  });

  const jcBody = (summary: string) => ({
    workflow: 'jc',
    category: 'NEIGHBOUR',
    summary,
    regionCode: '330199101201',
    source: 'APPLICATION',
    parties: [APPLICANT, RESPONDENT],
    input: { agreementEffectiveOn: today(t), performanceDueOn: '2025-08-31', mediationOrgName: '枫源村人民调解委员会' },
  });

  /** Opens a jc case as the engine did while version 1 was the latest: pinned to jc@1. */
  async function openOnV1(summary: string) {
    const { user } = await t.loginUser('court_clerk');
    const viewer: Viewer = { userId: user.id, username: 'court_clerk', displayName: '法院立案', roles: user.roles as Viewer['roles'], orgId: user.orgId, regionCode: user.regionCode };
    const before = new WorkflowRegistry(ALL_WORKFLOWS.filter((d) => d.id !== 'jc' || d.version === 1));
    const opener = new OpenCaseHandler(before, t.app.get(CaseStore), t.app.get(Clock), t.app.get(DirectoryService), t.app.get(EventBus), t.app.get(WritePlanner), t.app.get(StoredCaseViews), t.app.get(IdempotencySettings));
    const { view } = await opener.execute(new OpenCaseCommand(viewer, jcBody(summary) as never));
    expect(view).toMatchObject({ workflow: { id: 'jc', version: 1 }, state: 'preparing' });
    return view;
  }

  /** Takes a jc case from preparing to `objectionWindow` with the events both versions share. */
  async function toObjectionWindow(caseId: string) {
    const on = today(t);
    await apply(t, 'court_clerk', caseId, 'FILE', { applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
    await apply(t, 'court_clerk', caseId, 'SIGN_FOR', {});
    await apply(t, 'court_clerk', caseId, 'REGISTER', { docketNo: '（2025）浙0102民特12号', registeredOn: on });
    await apply(t, 'court_clerk', caseId, 'SCHEDULE_VERIFICATION', { scheduledOn: on });
    await apply(t, 'judge', caseId, 'RULE_VALID', { rulingNo: '（2025）浙0102民特12号', ruledOn: on });
    return apply(t, 'court_clerk', caseId, 'SERVE_RULING', { servedOn: on });
  }

  const interestedObjection = () => ({ objector: '王五', knewOn: today(t), grounds: '协议处分了王五共有的房屋' });

  it('lists both versions of 司法确认, the latest being 2', async () => {
    const res = await t.http().get('/api/workflows/jc').set(admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'jc', version: 2 });
    expect(res.body.versions).toEqual([
      { version: 1, title: '司法确认', latest: false },
      { version: 2, title: '司法确认', latest: true },
    ]);
    expect(res.body.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(['FILE_INTERESTED_PERSON_OBJECTION', 'AMEND_RULING']));
    const v1 = await t.http().get('/api/workflows/jc').query({ version: 1 }).set(admin);
    expect(v1.body).toMatchObject({ id: 'jc', version: 1 });
    expect(v1.body.events.map((e: any) => e.type)).not.toContain('FILE_INTERESTED_PERSON_OBJECTION');
  });

  it('opens new cases on version 2', async () => {
    const res = await t.http().post('/api/cases').set(auth(await t.login('court_clerk'))).send(jcBody('新申请'));
    expect(res.status).toBe(201);
    expect(res.body.workflow).toMatchObject({ id: 'jc', version: 2 });
  });

  describe('a case pinned to version 1', () => {
    let pinned: any;
    let preparing: any;
    let closed: any;
    let onV2: any;
    let pm: any;
    let pmEntries: number;

    beforeAll(async () => {
      pinned = await toObjectionWindow((await openOnV1('v1：已送达裁定')).id);
      preparing = await openOnV1('v1：准备申请');
      closed = await openOnV1('v1：已撤回');
      await apply(t, 'court_clerk', closed.id, 'FILE', { applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
      await apply(t, 'court_clerk', closed.id, 'SIGN_FOR', {});
      closed = await apply(t, 'court_clerk', closed.id, 'WITHDRAW', { partyIds: ['P1'] });
      onV2 = await toObjectionWindow((await t.http().post('/api/cases').set(auth(await t.login('court_clerk'))).send(jcBody('v2：已送达裁定'))).body.id);
      pm = await pmCaseIn(t, 'mediating');
      pmEntries = (await history(t, 'fy_mediator', pm.id)).length;
    });

    it('stays on version 1 and keeps working with its events, not those of version 2', async () => {
      expect(pinned).toMatchObject({ workflow: { id: 'jc', version: 1 }, state: 'objectionWindow' });
      expect(closed).toMatchObject({ workflow: { id: 'jc', version: 1 }, state: 'withdrawn', closed: true });
      const refused = await send(t, 'court_clerk', pinned.id, 'FILE_INTERESTED_PERSON_OBJECTION', interestedObjection());
      expect(refused.status).toBe(400);
      expect(fields(refused.body)).toEqual(['type']);
      expect((await getCase(t, 'court_clerk', pinned.id)).body).toMatchObject({ workflow: { version: 1 }, state: 'objectionWindow', version: pinned.version });
    });

    it('is listed as movable by the dry run, a closed one as not with its reason, and nothing is written', async () => {
      const res = await t.http().post(`${MIGRATIONS}/preview`).set(admin).send({ fromVersion: 1, toVersion: 2 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ workflow: 'jc', fromVersion: 1, toVersion: 2, dryRun: true, counts: { total: 3, movable: 2, migrated: 0, refused: 1, conflicts: 0 } });
      const byId = new Map<string, any>(res.body.cases.map((c: any) => [c.caseId, c]));
      expect([...byId.keys()].sort()).toEqual([pinned.id, preparing.id, closed.id].sort());
      expect(byId.get(pinned.id)).toEqual({
        caseId: pinned.id,
        caseNo: pinned.caseNo,
        outcome: 'MOVABLE',
        from: { version: 1, state: 'objectionWindow', stateLabel: '异议期' },
        to: { version: 2, state: 'objectionWindow', stateLabel: '异议期' },
        reason: null,
        caseVersion: pinned.version,
        deadlines: { closed: [], opened: [] },
      });
      expect(byId.get(preparing.id)).toMatchObject({ outcome: 'MOVABLE', to: { version: 2, state: 'preparing' } });
      expect(byId.get(closed.id)).toMatchObject({ outcome: 'REFUSED', to: null, reason: '案件已结案（撤回申请），结案的案件保留在第1版，不迁移' });

      expect((await getCase(t, 'court_clerk', pinned.id)).body).toMatchObject({ workflow: { version: 1 }, version: pinned.version });
      expect(await history(t, 'court_clerk', pinned.id)).toHaveLength(pinned.version);
    });

    it('moves with exactly one MIGRATE audit entry, keeps its deadlines, and takes version 2’s events', async () => {
      const before = (await getCase(t, 'court_clerk', pinned.id)).body;
      const res = await t.http().post(MIGRATIONS).set(admin).send({ fromVersion: 1, toVersion: 2 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ dryRun: false, counts: { total: 3, movable: 0, migrated: 2, refused: 1, conflicts: 0 } });
      expect(res.body.cases.find((c: any) => c.caseId === pinned.id)).toMatchObject({ outcome: 'MIGRATED', caseVersion: pinned.version + 1, to: { version: 2, state: 'objectionWindow' } });

      const after = (await getCase(t, 'court_clerk', pinned.id)).body;
      expect(after).toMatchObject({ workflow: { id: 'jc', version: 2 }, state: 'objectionWindow', version: pinned.version + 1 });
      expect(after.deadlines).toEqual(before.deadlines);

      const entries = await history(t, 'court_clerk', pinned.id);
      expect(entries).toHaveLength(pinned.version + 1);
      const migrations = entries.filter((e: any) => e.type === 'MIGRATE');
      expect(migrations).toHaveLength(1);
      expect(migrations[0]).toMatchObject({
        seq: pinned.version + 1,
        from: 'objectionWindow',
        to: 'objectionWindow',
        actor: { role: 'ADMIN' },
        data: { fromVersion: 1, toVersion: 2, fromState: 'objectionWindow', toState: 'objectionWindow' },
        prevHash: entries[entries.length - 2].hash,
      });
      expect(await verifyAudit(t, pinned.id)).toMatchObject({ ok: true, checked: pinned.version + 1 });
      expect(await verifyAudit(t)).toMatchObject({ ok: true, firstBroken: null });

      const objected = await apply(t, 'court_clerk', pinned.id, 'FILE_INTERESTED_PERSON_OBJECTION', interestedObjection());
      expect(objected).toMatchObject({ state: 'objectionReview', workflow: { version: 2 } });
      // The interested person objected inside the parties' 15 days: rejecting it gives the parties their window back.
      expect(await apply(t, 'judge', pinned.id, 'REJECT_OBJECTION', { rulingNo: '（2025）浙0102民特12号之一' })).toMatchObject({ state: 'objectionWindow' });

      const moved = (await getCase(t, 'court_clerk', preparing.id)).body;
      expect(moved).toMatchObject({ workflow: { version: 2 }, state: 'preparing', version: preparing.version + 1 });
      expect(moved.deadlines.map((d: any) => [d.id, d.specId, d.status])).toEqual(preparing.deadlines.map((d: any) => [d.id, d.specId, d.status]));
    });

    it('leaves closed cases, cases already on version 2 and other workflows’ cases untouched', async () => {
      expect((await getCase(t, 'court_clerk', closed.id)).body).toMatchObject({ workflow: { version: 1 }, state: 'withdrawn', version: closed.version });
      expect((await history(t, 'court_clerk', closed.id)).some((e: any) => e.type === 'MIGRATE')).toBe(false);
      expect((await getCase(t, 'court_clerk', onV2.id)).body).toMatchObject({ workflow: { version: 2 }, state: 'objectionWindow', version: onV2.version });
      expect((await getCase(t, 'fy_mediator', pm.id)).body).toMatchObject({ workflow: { id: 'pm', version: 1 }, state: 'mediating', version: pm.version });
      expect(await history(t, 'fy_mediator', pm.id)).toHaveLength(pmEntries);

      // Run again: nothing is left to move.
      const again = await t.http().post(MIGRATIONS).set(admin).send({ fromVersion: 1, toVersion: 2 });
      expect(again.body.counts).toEqual({ total: 1, movable: 0, migrated: 0, refused: 1, conflicts: 0 });
      expect(await verifyAudit(t)).toMatchObject({ ok: true });
    });
  });

  describe('refuses', () => {
    it.each([
      ['a version that is not registered', { fromVersion: 9, toVersion: 2 }, ['fromVersion'], '司法确认流程没有第9版（已登记：第1版、第2版）'],
      ['a target version that is not registered', { fromVersion: 1, toVersion: 3 }, ['toVersion'], '司法确认流程没有第3版（已登记：第1版、第2版）'],
      ['a target that is not later', { fromVersion: 2, toVersion: 1 }, ['toVersion'], '目标版本须晚于原版本'],
      ['versions that are not whole numbers', { fromVersion: '一', toVersion: 1.5 }, ['fromVersion', 'toVersion'], '请填写原版本号（整数）'],
      ['a missing body', {}, ['fromVersion', 'toVersion'], '请填写原版本号（整数）'],
    ])('%s with a 400 naming the field, on both endpoints', async (_name, body, expected, messageZh) => {
      for (const path of [`${MIGRATIONS}/preview`, MIGRATIONS]) {
        const res = await t.http().post(path).set(admin).send(body);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect([...new Set(fields(res.body))]).toEqual(expected);
        expect(res.body.errors.map((e: any) => e.messageZh)).toContain(messageZh);
      }
    });

    it('a workflow that has no such version (人民调解 has one), naming the target version', async () => {
      const res = await t.http().post('/api/admin/workflows/pm/migrations/preview').set(admin).send({ fromVersion: 1, toVersion: 2 });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'toVersion', messageZh: '人民调解流程没有第2版（已登记：第1版）' })]);
    });

    it('an unknown workflow with a 404', async () => {
      const res = await t.http().post('/api/admin/workflows/nowhere/migrations/preview').set(admin).send({ fromVersion: 1, toVersion: 2 });
      expect(res.status).toBe(404);
    });

    it.each(['court_clerk', 'judge', 'auditor', 'fy_director'])('%s with a 403, on both endpoints', async (username) => {
      const headers = auth(await t.login(username));
      for (const path of [`${MIGRATIONS}/preview`, MIGRATIONS]) {
        const res = await t.http().post(path).set(headers).send({ fromVersion: 1, toVersion: 2 });
        expect(res.status).toBe(403);
        expect(res.body.detail).toBe('您的角色无权访问此功能');
      }
      expect((await t.http().post(MIGRATIONS).send({ fromVersion: 1, toVersion: 2 })).status).toBe(401);
    });
  });

  it('documents both endpoints in OpenAPI', async () => {
    const res = await t.http().get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths;
    for (const path of ['/api/admin/workflows/{id}/migrations/preview', '/api/admin/workflows/{id}/migrations']) {
      expect(paths[path].post).toMatchObject({ tags: ['admin 系统管理'], responses: expect.objectContaining({ '200': expect.anything(), '400': expect.anything(), '403': expect.anything() }) });
      expect(paths[path].post.requestBody.content['application/json'].schema.$ref).toMatch(/MigrationRequest$/);
    }
    expect(res.body.components.schemas.MigrationRequest.required.sort()).toEqual(['fromVersion', 'toVersion']);
  });
});
