import type { EventSpec, WorkflowEvent } from './definition';
import type { JsonSchema } from './json-schema';
import { dateField, enumField, objectSchema, outcomeSchema, textField } from './building-blocks';

/*
 * What a case that asks for a hearing (三级听证) sends and takes back. The hearing is a case of its own, opened by
 * the route table at the convening organisation; the asking case waits for it and takes in its conclusion.
 */

/** Organisation types that convene hearings at some level in some region (the region's rules say which level). */
export const HEARING_CONVENER_TYPES = ['VILLAGE_MEDIATION_COMMITTEE', 'TOWNSHIP_MEDIATION_COMMITTEE', 'GOVERNANCE_CENTRE', 'JUSTICE_STATION', 'PETITION_JOINT_OFFICE', 'RECONSIDERATION_ORGAN'];

export const requestHearingSchema = (convenerTypes: string[] = HEARING_CONVENER_TYPES): JsonSchema =>
  objectSchema(
    {
      hearingOrgId: { type: 'string', title: '听证召集单位', 'x-source': `orgs:${convenerTypes.join(',')}` },
      matter: textField('听证事项', 1000),
      initiative: enumField('听证启动方式', { APPLICATION: '当事人申请', ORGAN: '机关（组织）提出' }),
    },
    ['hearingOrgId', 'matter', 'initiative'],
  );

export const requestHearingEvent = (roles: string[], legalBasis: string, convenerTypes?: string[]): EventSpec => ({
  label: '提请听证',
  labelEn: 'Ask for a hearing',
  roles,
  schema: requestHearingSchema(convenerTypes),
  legalBasis,
});

/** The conclusion as the hearing reports it (hr.machine.ts, reportConclusion). */
export const hearingConclusionFields: Record<string, JsonSchema> = {
  hearingLevel: { type: 'string', title: '听证级别' },
  opinion: { type: 'string', title: '听证意见' },
  majorityOpinion: { type: 'string', title: '多数意见' },
  minorityOpinions: { type: 'array', title: '少数意见', items: { type: 'string' } },
  heldOn: dateField('听证日期'),
  concludedOn: dateField('形成意见日期'),
  published: { type: 'boolean', title: '已公示' },
};

export const hearingConcludedEvent = (legalBasis: string): EventSpec => ({
  label: '听证形成意见',
  labelEn: 'The hearing concluded',
  roles: ['SYSTEM'],
  schema: outcomeSchema(hearingConclusionFields),
  legalBasis,
});

export const hearingEndedEvent = (legalBasis: string): EventSpec => ({
  label: '未举行听证（不予听证、撤回、放弃或退回）',
  labelEn: 'No hearing was held',
  roles: ['SYSTEM'],
  schema: outcomeSchema(),
  legalBasis,
});

export interface HearingHeard {
  level: string;
  opinion?: string;
  concludedOn?: string;
  outcome: string;
  sourceCaseNo?: string;
}

/** The hearing's report, as the asking case keeps it. */
export function hearingHeard(event: WorkflowEvent): HearingHeard {
  const d = event.data;
  return {
    outcome: String(d.outcome),
    level: typeof d.hearingLevel === 'string' ? d.hearingLevel : '',
    ...(typeof d.opinion === 'string' ? { opinion: d.opinion } : {}),
    ...(typeof d.concludedOn === 'string' ? { concludedOn: d.concludedOn } : {}),
    ...(typeof d.sourceCaseNo === 'string' ? { sourceCaseNo: d.sourceCaseNo } : {}),
  };
}
