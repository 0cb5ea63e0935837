/** Sample event data for the traffic channel's specs: one valid envelope per event type, dated 2025-03-25 (S4). */

const PARTIES = ['p1', 'p2', 'p3'];
export const TODAY = '2025-03-25';
const FROM = { sourceCaseId: 'case-1', sourceCaseNo: '（2025）青溪0101民初408号', reportedOn: TODAY };
export const ATTENDEES = [{ name: '饶伤', side: 'CLAIMANT', partyId: 'p1' }, { name: '曹车', side: 'LIABLE', partyId: 'p2' }, { name: '理赔员', side: 'LIABLE', partyId: 'p3' }];
/** Scenario S3's losses: the insurer pays 165,000 and the motorist 5,000. */
export const CALCULATION = { medical: 40_000, deathDisability: 125_000, property: 5_000, liability: 'FULL', compulsoryInsured: true, commercialLimit: 1_000_000, excludedFromCommercial: 5_000 };

export const VALID: Record<string, Record<string, unknown>> = {
  ASSIGN_OFFICER: { officerId: 'officer-1' },
  CHOOSE_SELF_NEGOTIATION: { agreedPartyIds: PARTIES, evidenceFixed: true },
  RECORD_SELF_SETTLEMENT: { settledOn: TODAY, content: '曹车赔偿修车费1200元' },
  NEGOTIATION_FAILED: { procedure: 'SIMPLE', sceneOn: TODAY },
  MEDIATE_ON_SPOT: { requestedPartyIds: PARTIES, sceneOn: TODAY },
  SIGN_ON_SPOT_AGREEMENT: { signedOn: TODAY, signedPartyIds: PARTIES, content: '保险公司赔付8000元' },
  ON_SPOT_REFUSED: { refusedPartyId: 'p2', note: '拒绝签名' },
  START_INVESTIGATION: { procedure: 'GENERAL', sceneOn: TODAY },
  ORDER_TEST: { orderedOn: TODAY, matter: '车速鉴定' },
  RECORD_TEST_RESULT: { resultOn: TODAY, summary: '车速62km/h' },
  ISSUE_DETERMINATION: { madeOn: TODAY, kind: 'DETERMINATION', liability: [{ partyId: 'p2', share: 'MAIN' }, { partyId: 'p1', share: 'MINOR' }] },
  SERVE_DETERMINATION: { servedOn: TODAY, servedPartyIds: PARTIES, rights: ['REVIEW', 'MEDIATION', 'LITIGATION'] },
  APPLY_REVIEW: { appliedOn: '2025-03-05', applicantPartyId: 'p1', acceptedOn: '2025-03-05', grounds: '对责任划分有异议' },
  REVIEW_WINDOW_ENDED: { specId: 'D-TA4', dueOn: '2025-03-06' },
  REVIEW_UPHELD: { concludedOn: '2025-03-20', receivedOn: '2025-03-21' },
  REINVESTIGATION_ORDERED: { orderedOn: '2025-03-20', reasons: '事实不清' },
  RECORD_LOSS_FIXED: { kind: 'TREATMENT_ENDED', fixedOn: '2025-03-20' },
  ORDER_APPRAISAL: { orderedOn: TODAY, institution: '青州明正司法鉴定所', matter: '伤残等级' },
  RECORD_APPRAISAL: { resultOn: TODAY, institution: '青州明正司法鉴定所', disabilityGrade: 10 },
  CALCULATE_COMPENSATION: CALCULATION,
  APPLY_PEOPLES_MEDIATION: { mediationOrgId: 'org-traffic-mediation', appliedOn: TODAY },
  PM_AGREED: { ...FROM, outcome: 'AGREED' },
  PM_ENDED: { ...FROM, outcome: 'FAILED' },
  PM_RETURNED: { ...FROM, outcome: 'RETURNED' },
  APPLY_POLICE_MEDIATION: { appliedOn: TODAY, applicantPartyIds: ['p1', 'p2'] },
  POLICE_MEDIATION_WINDOW_ENDED: { specId: 'D-TA7', dueOn: '2025-03-17' },
  START_POLICE_MEDIATION: { startedOn: '2025-03-20' },
  NOTIFY_SESSION: { noticeOn: '2025-03-20', sessionOn: TODAY, place: '事故调解室', attendees: ATTENDEES },
  HOLD_SESSION: { heldOn: TODAY, record: '告知权利义务' },
  SIGN_MEDIATION_DOCUMENT: { signedOn: TODAY, signedPartyIds: PARTIES, content: '保险公司赔付78000元' },
  END_POLICE_MEDIATION: { endedOn: TODAY, ground: 'NO_AGREEMENT' },
  POLICE_MEDIATION_PERIOD_ENDED: { specId: 'D-TA9', dueOn: '2025-04-03' },
  FILE_SUIT: { courtOrgId: 'org-court', filedOn: TODAY, claimAmount: 86_000 },
  COURT_SETTLED: { ...FROM, outcome: 'SETTLED' },
  COURT_JUDGMENT_FINAL: { ...FROM, outcome: 'JUDGMENT_FINAL' },
  COURT_ENDED: { ...FROM, outcome: 'WITHDRAWN' },
  CLOSE_UNRESOLVED: { closedOn: TODAY },
  APPLY_JUDICIAL_CONFIRMATION: { courtOrgId: 'org-court', applicantPartyIds: PARTIES, form: 'WRITTEN' },
  JC_CONFIRMED: { ...FROM, outcome: 'CONFIRMED', rulingNo: '（2025）青溪0101民特1号' },
  JC_NOT_CONFIRMED: { ...FROM, outcome: 'DISMISSED' },
  RECORD_CONFIRMATION: { rulingNo: '（2025）青溪0101民特1号', ruledOn: TODAY },
  APPLY_CLAIM: { claimedOn: TODAY, insurerPartyId: 'p3', amount: 78_000, partyShares: [{ partyId: 'p2', amount: 8_000 }] },
  INSURER_PAID: { paidOn: TODAY, amount: 78_000, reference: 'YJLP-1' },
  CLAIM_OVERDUE: { specId: 'D-TA10', dueOn: '2025-04-04' },
  REQUEST_JUDICIAL_SUGGESTION: { requestedOn: TODAY, courtOrgId: 'org-court', note: '逾期未赔付' },
  ADVISE_ENFORCEMENT: { advisedOn: TODAY, advisedPartyIds: ['p1'] },
  RECORD_PARTY_PAYMENT: { partyId: 'p2', amount: 8_000, paidOn: TODAY },
  CLOSE: { closedOn: TODAY },
};

