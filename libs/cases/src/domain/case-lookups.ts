import type { Directory, Jurisdiction, Viewer } from '@app/organisations';
import type { IsoDate, LookupCase, WorkflowDefinition, WorkflowRegistry } from '@app/workflow';
import type { CaseStore, LoadedCase } from '../ports/case-store.port';
import type { Party } from './case-record';

/**
 * The keys a party is found by, as the store indexes them (as keyed digests in `fraud_party_keys`, which the subsidy
 * checks share for the same question): the identity number, and the name with the phone.
 */
export function partyKeys(parties: Party[]): string[] {
  const keys = new Set<string>();
  for (const p of parties) {
    if (p.idNumber) keys.add(`id:${p.idNumber}`);
    if (p.name && p.phone) keys.add(`np:${p.name}|${p.phone}`);
  }
  return [...keys];
}

/**
 * A stored case as lookups see it; its number only when `visible` (the caller may read the case). A case a route
 * opened has its summary prefixed with its channel's title (`信访：…`, see WritePlanner.send): the lookup reads the
 * summary as the dispute's own.
 */
export function asLookupCase({ record, deadlines }: LoadedCase, directory: Directory, visible: boolean, registry: WorkflowRegistry): LookupCase {
  const org = directory.org(record.orgId);
  const prefix = `${registry.latest(record.workflowId).title}：`;
  const summary = record.originRoute && record.summary.startsWith(prefix) ? record.summary.slice(prefix.length) : record.summary;
  return {
    id: record.id,
    caseNo: visible ? record.caseNo : null,
    workflowId: record.workflowId,
    state: record.state,
    closed: record.closed,
    orgName: org?.name ?? record.orgId,
    orgType: org?.type ?? '',
    regionCode: org?.regionCode ?? record.regionCode,
    disputeCode: record.disputeCode,
    category: record.category,
    summary,
    parties: record.parties.map(({ role, name, idNumber, phone }) => ({ role, name, idNumber, phone })),
    context: record.context,
    deadlines: Object.fromEntries(deadlines.filter((d) => d.status === 'pending').map((d) => [d.specId, d.dueOn])),
  };
}

/**
 * Runs the lookups the event declares (`EventSpec.lookups`) for the case it is sent to: reads the related cases
 * across every jurisdiction, and lets each lookup's pure `find` choose what the machine is told. Undefined when the
 * event asks for none, so most writes read nothing more.
 */
export async function lookUpFacts(
  def: WorkflowDefinition,
  type: string,
  loaded: LoadedCase,
  env: { store: CaseStore; registry: WorkflowRegistry; directory: Directory; jurisdiction: Jurisdiction; viewer: Viewer; today: IsoDate },
): Promise<Record<string, unknown> | undefined> {
  const names = def.events[type]?.lookups ?? [];
  if (!names.length) return undefined;
  const { record } = loaded;
  const subject = asLookupCase(loaded, env.directory, true, env.registry);
  const facts: Record<string, unknown> = {};
  for (const name of names) {
    const lookup = def.lookups![name];
    const related = await env.store.findRelated({ workflows: lookup.workflows, partyKeys: partyKeys(record.parties), disputeCode: record.disputeCode, excludeCaseId: record.id });
    facts[name] = lookup.find(
      subject,
      related.map((c) => asLookupCase(c, env.directory, env.jurisdiction.canRead(env.viewer, c.record), env.registry)),
      env.today,
    );
  }
  return facts;
}
