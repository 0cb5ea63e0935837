import { chinaDate } from '@app/calendar';
import { CATEGORIES, PARTY_ROLES, SOURCES, type DocumentSourceInput, type Party } from '@app/cases';
import { maskIdNumber, maskPhone } from '@app/organisations';

export type SourceEntry = DocumentSourceInput['history'][number];

/** A party as a form prints them: name, role and whatever details the case records. */
export interface PartyLine {
  id: string;
  name: string;
  roleLabel: string;
  details: string[];
}

const SEXES: Record<string, string> = { MALE: '男', FEMALE: '女' };

/**
 * What a document is generated from: the case's fixed facts and its audit trail up to the document's event, read
 * through one viewer's eyes (`reveal` false masks ID numbers, phones and addresses as the case page does).
 */
export class DocumentSource {
  /** The China date of the last entry: the day the document speaks as of. */
  readonly asOf: string;

  constructor(
    private readonly input: DocumentSourceInput,
    readonly reveal: boolean,
  ) {
    const last = input.history[input.history.length - 1];
    this.asOf = chinaDate(new Date(last?.at ?? input.record.openedAt));
  }

  get caseNo(): string {
    return this.input.record.caseNo;
  }
  get summary(): string {
    return this.input.record.summary;
  }
  get categoryLabel(): string {
    return CATEGORIES[this.input.record.category] ?? this.input.record.category;
  }
  get sourceLabel(): string {
    return SOURCES[this.input.record.source] ?? this.input.record.source;
  }
  get openedOn(): string {
    return chinaDate(new Date(this.input.record.openedAt));
  }
  /** The instant of the last entry, which fixes the PDF's creation date. */
  get lastAt(): string {
    return this.input.history[this.input.history.length - 1]?.at ?? this.input.record.openedAt;
  }
  get committee(): string {
    return this.orgName(this.input.record.orgId);
  }

  orgName(id: unknown): string {
    return typeof id === 'string' ? (this.input.directory.org(id)?.name ?? id) : '';
  }

  userName(id: unknown): string {
    return typeof id === 'string' ? (this.input.directory.user(id)?.displayName ?? id) : '';
  }

  entries(...types: string[]): SourceEntry[] {
    return this.input.history.filter((e) => types.includes(e.type));
  }

  last(...types: string[]): SourceEntry | undefined {
    const found = this.entries(...types);
    return found[found.length - 1];
  }

  /** The parties named by `ids` (all of them when absent), in the case's order. */
  parties(ids?: unknown): PartyLine[] {
    const wanted = Array.isArray(ids) ? new Set(ids.map(String)) : null;
    return this.input.record.parties.filter((p) => !wanted || wanted.has(p.id)).map((p) => this.partyLine(p));
  }

  private partyLine(p: Party): PartyLine {
    // Sex, ethnicity, birth date, occupation and agent are printed when the case records them.
    const details: string[] = [];
    if (p.sex) details.push(`性别：${SEXES[p.sex] ?? p.sex}`);
    if (p.ethnicity) details.push(`民族：${p.ethnicity}`);
    if (p.dateOfBirth) details.push(`年龄：${ageOn(p.dateOfBirth, this.asOf)}岁`);
    if (p.occupation) details.push(`职业：${p.occupation}`);
    if (p.idNumber) details.push(`公民身份号码：${this.reveal ? p.idNumber : maskIdNumber(p.idNumber)}`);
    if (p.address) details.push(`住址：${this.reveal ? p.address : '（已隐藏）'}`);
    if (p.phone) details.push(`联系电话：${this.reveal ? p.phone : maskPhone(p.phone)}`);
    if (p.agent) details.push(`${p.agent.kind === 'LEGAL' ? '法定代理人' : '委托代理人'}：${p.agent.name}`);
    return { id: p.id, name: p.name, roleLabel: PARTY_ROLES[p.role] ?? p.role, details };
  }
}

/** Full years between a birth date and a day, both ISO dates. */
export function ageOn(born: string, day: string): number {
  const [by, bm, bd] = born.slice(0, 10).split('-').map(Number);
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
