// The prototype cases of the scale seed: real cases walked over HTTP through the engine, one per organisation and
// path, that the seed then copies. Whatever the engine writes for a case (its context, deadlines, audit data,
// transfers and links) thus comes from the engine itself; the copies only change names, dates, numbers and ids.
const { get, post } = require('./http');

/** Distinct words the copies replace: the parties' names and the summary. */
const PROTO = { applicant: '样本申请人', respondent: '样本被申请人', summary: '样本纠纷摘要' };

/** Demo users who mediate, with the organisation's kind (a copy may move to another organisation of that kind). */
const MEDIATORS = [
  { username: 'fy_mediator', orgId: 'org-fengyuan', regionCode: '330199101201', kind: 'VILLAGE' },
  { username: 'lq_mediator', orgId: 'org-liqiao', regionCode: '330199101202', kind: 'VILLAGE' },
  { username: 'fq_mediator', orgId: 'org-fengqiao', regionCode: '330199101', kind: 'TOWNSHIP' },
  { username: 'qx_mediator', orgId: 'org-district-centre', regionCode: '330199', kind: 'DISTRICT' },
];

/**
 * The paths of 人民调解, with the share of cases that end on each (spec §12: most cases close, about seven in ten with an
 * agreement; a few per cent go to the court for 司法确认). `steps` names the events after opening.
 */
const PATHS = [
  { name: 'registered', weight: 3, steps: [] },
  { name: 'consentPending', weight: 3, steps: ['SEEK_CONSENT'] },
  { name: 'mediating', weight: 9, steps: ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'RECORD_SESSION', 'RECORD_SESSION'] },
  { name: 'agreedWritten', weight: 4, steps: ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'RECORD_SESSION', 'SIGN_WRITTEN_AGREEMENT'] },
  { name: 'monitoring', weight: 7, steps: ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'RECORD_SESSION', 'SIGN_WRITTEN_AGREEMENT', 'DECLINE_JUDICIAL_CONFIRMATION', 'RECORD_FOLLOW_UP'] },
  { name: 'performed', weight: 8, steps: ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'RECORD_SESSION', 'SIGN_WRITTEN_AGREEMENT', 'DECLINE_JUDICIAL_CONFIRMATION', 'RECORD_FOLLOW_UP', 'RECORD_PERFORMED'] },
  { name: 'archived', weight: 45, steps: ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'RECORD_SESSION', 'RECORD_SESSION', 'SIGN_WRITTEN_AGREEMENT', 'DECLINE_JUDICIAL_CONFIRMATION', 'RECORD_FOLLOW_UP', 'RECORD_PERFORMED', 'ARCHIVE'] },
  { name: 'terminatedFailed', weight: 12, steps: ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'RECORD_SESSION', 'RECORD_SESSION', 'TERMINATE_FAILED'] },
  { name: 'refused', weight: 2, steps: ['SEEK_CONSENT', 'RECORD_REFUSAL'] },
  // Route R4: the agreement goes to the court, which confirms it; the ruling comes back through the outbox.
  { name: 'confirmedArchived', weight: 4, court: 'RULE_VALID', steps: ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'RECORD_SESSION', 'SIGN_WRITTEN_AGREEMENT', 'APPLY_JUDICIAL_CONFIRMATION'], after: ['RECORD_PERFORMED', 'ARCHIVE'] },
  // Sent to the court and not yet signed for: the court's inbox.
  { name: 'atCourt', weight: 1, court: 'NONE', steps: ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'RECORD_SESSION', 'SIGN_WRITTEN_AGREEMENT', 'APPLY_JUDICIAL_CONFIRMATION'] },
];

function eventData(type, today, mediatorId) {
  const later = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const rightsNotice = { routes: ['LITIGATION', 'ADMINISTRATIVE'], notifiedOn: today, method: 'WRITTEN' };
  switch (type) {
    case 'SEEK_CONSENT': return { note: '电话征询双方意见' };
    case 'ASSIGN_MEDIATOR': return { mediatorId, consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' };
    case 'START_MEDIATION': return { startedOn: today, mode: 'ON_SITE' };
    case 'RECORD_SESSION': return { heldOn: today, summary: '双方到场，陈述意见，调解员释法说理。' };
    case 'SIGN_WRITTEN_AGREEMENT': return { content: '被申请人于一个月内赔偿申请人损失并赔礼道歉', signedPartyIds: ['P1', 'P2'], mediatorSigned: true, committeeSealed: true, effectiveOn: today, performanceDueOn: later };
    case 'DECLINE_JUDICIAL_CONFIRMATION': return {};
    case 'RECORD_FOLLOW_UP': return { visitedOn: today, method: 'PHONE', summary: '电话回访，正在履行' };
    case 'RECORD_PERFORMED': return { performedOn: today };
    case 'ARCHIVE': return { dossierComplete: true, fileNo: `${today.slice(0, 4)}-001` };
    case 'TERMINATE_FAILED': return { reason: '双方对赔偿数额分歧过大', rightsNotice };
    case 'RECORD_REFUSAL': return { refusingPartyIds: ['P2'], rightsNotice };
    case 'APPLY_JUDICIAL_CONFIRMATION': return { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' };
    default: throw new Error(`no sample data for ${type}`);
  }
}

/**
 * Walks one prototype case per mediating organisation and path; returns the prototypes' case ids with their path
 * (a transfer's court case is found later through its dispute code).
 */
async function createPrototypes(base, login) {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const court = { clerk: await login('court_clerk'), judge: await login('judge') };
  const made = [];
  for (const m of MEDIATORS) {
    const token = await login(m.username);
    const [mediator] = await get(base, '/api/organisations/mine/users?role=MEDIATOR', token);
    for (const path of PATHS) {
      const opened = await post(base, '/api/cases', token, {
        workflow: 'pm',
        category: 'NEIGHBOUR',
        summary: PROTO.summary,
        regionCode: m.regionCode,
        source: 'APPLICATION',
        parties: [
          { role: 'APPLICANT', name: PROTO.applicant },
          { role: 'RESPONDENT', name: PROTO.respondent },
        ],
      });
      let last = opened;
      for (const type of path.steps) last = await post(base, `/api/cases/${opened.id}/events`, token, { type, data: eventData(type, today, mediator.id) });
      if (path.court === 'RULE_VALID') {
        const jcId = last.links.find((l) => l.workflowId === 'jc').caseId;
        const docket = `（${today.slice(0, 4)}）样本民特${made.length + 1}号`;
        await post(base, `/api/cases/${jcId}/events`, court.clerk, { type: 'SIGN_FOR', data: {} });
        await post(base, `/api/cases/${jcId}/events`, court.clerk, { type: 'REGISTER', data: { docketNo: docket, registeredOn: today } });
        await post(base, `/api/cases/${jcId}/events`, court.judge, { type: 'SCHEDULE_VERIFICATION', data: { scheduledOn: today } });
        await post(base, `/api/cases/${jcId}/events`, court.judge, { type: 'RULE_VALID', data: { rulingNo: docket, ruledOn: today } });
        await waitForState(base, token, opened.id, 'monitoring');
        for (const type of path.after) await post(base, `/api/cases/${opened.id}/events`, token, { type, data: eventData(type, today, mediator.id) });
      }
      made.push({ caseId: opened.id, path: path.name, weight: path.weight, kind: m.kind, orgId: m.orgId });
    }
  }
  return made;
}

async function waitForState(base, token, caseId, state) {
  for (let i = 0; i < 240; i++) {
    if ((await get(base, `/api/cases/${caseId}`, token)).state === state) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`case ${caseId} did not reach ${state}`);
}

module.exports = { createPrototypes, PROTO, PATHS };
