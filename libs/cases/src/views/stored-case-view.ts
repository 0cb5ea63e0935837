import { Injectable } from '@nestjs/common';
import { DirectoryService, Jurisdiction, maskIdNumber, maskPhone, type Viewer } from '@app/organisations';
import { CaseStore } from '../ports/case-store.port';
import type { CaseRecord } from '../domain/case-record';
import { HIDDEN } from '../domain/party-details';
import type { CaseView } from './case-view';


/**
 * The view kept with an idempotency key: personal data masked whoever asked, so the key table never holds an ID
 * number, phone or address in clear. `personalDataMasked` still says what the caller saw, for the replay to rebuild it.
 */
export function viewForStorage(view: CaseView): CaseView {
  return {
    ...view,
    parties: view.parties.map((p) => ({
      ...p,
      ...(p.idNumber ? { idNumber: maskIdNumber(p.idNumber) } : {}),
      ...(p.phone ? { phone: maskPhone(p.phone) } : {}),
      ...(p.address ? { address: HIDDEN } : {}),
      ...(p.dateOfBirth ? { dateOfBirth: HIDDEN } : {}),
      ...(p.agent ? { agent: { ...p.agent, ...(p.agent.phone ? { phone: maskPhone(p.agent.phone) } : {}), ...(p.agent.idNumber ? { idNumber: maskIdNumber(p.agent.idNumber) } : {}) } } : {}),
    })),
  };
}

/**
 * A stored view as its caller saw it: the masked personal data filled in again from the case itself, only when the
 * caller saw it in clear and still may (`reveal`); otherwise the masked view, saying so.
 */
export function viewFromStorage(stored: CaseView, record: CaseRecord | null, reveal: boolean): CaseView {
  if (stored.personalDataMasked) return stored;
  if (!record || !reveal) return { ...stored, personalDataMasked: true };
  const byId = new Map(record.parties.map((p) => [p.id, p]));
  return {
    ...stored,
    parties: stored.parties.map((p) => {
      const party = byId.get(p.id);
      return {
        ...p,
        ...(p.idNumber && party?.idNumber ? { idNumber: party.idNumber } : {}),
        ...(p.phone && party?.phone ? { phone: party.phone } : {}),
        ...(p.address && party?.address ? { address: party.address } : {}),
        ...(p.dateOfBirth && party?.dateOfBirth ? { dateOfBirth: party.dateOfBirth } : {}),
        ...(p.agent && party?.agent ? { agent: { ...p.agent, ...(party.agent.phone ? { phone: party.agent.phone } : {}), ...(party.agent.idNumber ? { idNumber: party.agent.idNumber } : {}) } } : {}),
      };
    }),
  };
}

/** Rebuilds a replayed view for its caller from the case as it is stored now. */
@Injectable()
export class StoredCaseViews {
  constructor(
    private readonly store: CaseStore,
    private readonly directoryService: DirectoryService,
  ) {}

  async replay(stored: CaseView, viewer: Viewer): Promise<CaseView> {
    if (stored.personalDataMasked) return stored;
    const [loaded, directory] = await Promise.all([this.store.load(stored.id), this.directoryService.current()]);
    const reveal = !!loaded && new Jurisdiction(directory).seesPersonalData(viewer, loaded.record);
    return viewFromStorage(stored, loaded?.record ?? null, reveal);
  }
}
