import type { CaseRecord, DocumentSourceInput } from '@app/cases';
import { Directory, type Organisation, type User } from '@app/organisations';
import { chineseCount, chineseDate, type DocumentLayout } from './document-layout';
import { ageOn } from './document-source';
import { kindsOf, sourceFor } from './document-kinds';
import { availableKinds, generateDocument, PdfDocumentStamper, sha256 } from './documents';

const ORGS: Organisation[] = [
  { id: 'org-v', name: '枫源村人民调解委员会', shortName: '枫源', type: 'VILLAGE_COMMITTEE', regionCode: '330199101201', parentId: null },
  { id: 'org-court', name: '青溪区人民法院', shortName: '青溪', type: 'BASIC_COURT', regionCode: '330199', parentId: null },
];
const USERS = [{ id: 'u-med', username: 'med', displayName: '王秀英', roles: ['MEDIATOR'], orgId: 'org-v', active: true } as unknown as User];
const directory = new Directory([], ORGS, USERS);

const record = {
  id: 'c1',
  caseNo: '（2026）枫源调字第7号',
  workflowId: 'pm',
  orgId: 'org-v',
  category: 'NEIGHBOUR',
  source: 'APPLICATION',
  summary: '宅基地边界纠纷：围墙越界约半米',
  openedAt: '2026-03-01T02:00:00.000Z',
  parties: [
    { id: 'P1', role: 'APPLICANT', name: '张三', idNumber: '330199198001011239', phone: '13812345678', address: '枫源村3组12号', sex: 'MALE', ethnicity: '汉族', dateOfBirth: '1980-01-01', occupation: '农民' },
    { id: 'P2', role: 'RESPONDENT', name: '李四', idNumber: '330199197512314560' },
  ],
} as unknown as CaseRecord;

let seq = 0;
const entry = (type: string, data: Record<string, unknown>, at: string, actorId = 'u-med') => ({ caseId: 'c1', seq: ++seq, at, actorId, actorRole: 'MEDIATOR' as const, type, from: null, to: 'x', data });
const OPEN = entry('OPEN', {}, '2026-03-01T02:00:00.000Z');
const SESSION = entry('RECORD_SESSION', { heldOn: '2026-03-05', summary: '双方陈述各自意见', participants: ['村民代表刘大爷'] }, '2026-03-05T02:00:00.000Z');
const SIGN = entry('SIGN_WRITTEN_AGREEMENT', { content: '李四拆除越界围墙。', signedPartyIds: ['P1'], mediatorSigned: true, committeeSealed: false, effectiveOn: '2026-03-09', performanceDueOn: '2026-04-30' }, '2026-03-09T02:00:00.000Z');
const APPLY = entry('APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' }, '2026-03-10T02:00:00.000Z');
const ARCHIVE = entry('ARCHIVE', { dossierComplete: true, fileNo: 'GD-7', routeNotice: ['LITIGATION'] }, '2026-05-06T02:00:00.000Z');

const input = (...history: DocumentSourceInput['history']): DocumentSourceInput => ({ record, history, directory });
const kind = (k: string) => kindsOf('pm').find((x) => x.kind === k)!;
const layoutOf = (k: string, i: DocumentSourceInput, reveal = true): DocumentLayout => kind(k).layout(sourceFor(kind(k), i, reveal));
const textOf = (l: DocumentLayout) => l.blocks.map((b) => ('label' in b ? `${b.label}：${b.value}` : b.text)).join('\n');

describe('dates and counts as forms write them', () => {
  it('writes ISO dates without leading zeros and spells small counts', () => {
    expect(chineseDate('2026-03-09')).toBe('2026年3月9日');
    expect([1, 3, 10, 12, 20, 35].map(chineseCount)).toEqual(['一', '三', '十', '十二', '二十', '三十五']);
    expect(ageOn('1980-03-10', '2026-03-09')).toBe(45);
    expect(ageOn('1980-03-09', '2026-03-09')).toBe(46);
  });
});

describe('人民调解协议书', () => {
  const agreed = input(OPEN, SESSION, SIGN);

  it('carries the parties, facts, terms, performance and signatures 人民调解法 第二十九条 names', () => {
    const layout = layoutOf('agreement', agreed);
    const text = textOf(layout);
    expect(layout.title).toBe('人民调解协议书');
    expect(layout.number).toBe('（2026）枫源调字第7号');
    expect(text).toContain('申请人：张三　性别：男　民族：汉族　年龄：46岁　职业：农民　公民身份号码：330199198001011239　住址：枫源村3组12号　联系电话：13812345678');
    expect(text).toContain('被申请人：李四　公民身份号码：330199197512314560');
    expect(text).toContain('宅基地边界纠纷：围墙越界约半米');
    expect(text).toContain('李四拆除越界围墙。');
    expect(text).toContain('于2026年4月30日前按上述约定履行完毕。');
    expect(text).toContain('本协议一式三份');
    // What the signature event recorded: P2 has not signed, the seal is not yet affixed.
    expect(text).toContain('张三（已签名）');
    expect(text).toContain('李四（未签名）');
    expect(text).toContain('人民调解员（签名）：王秀英（已签名）');
    expect(text).toContain('枫源村人民调解委员会（印）（未盖章）');
    expect(layout.blocks[layout.blocks.length - 1]).toEqual({ type: 'right', text: '2026年3月9日' });
  });

  it('masks ID numbers, phones and addresses for a reader who does not see them in clear', () => {
    const text = textOf(layoutOf('agreement', agreed, false));
    expect(text).toContain('公民身份号码：330199********1239');
    expect(text).toContain('联系电话：138****5678');
    expect(text).toContain('住址：（已隐藏）');
    expect(text).not.toContain('330199198001011239');
  });

  it('shows the agreement as signed, whatever the case recorded after the signature', () => {
    const later = input(OPEN, SESSION, SIGN, APPLY, ARCHIVE);
    expect(layoutOf('agreement', later)).toEqual(layoutOf('agreement', agreed));
  });
});

describe('the other documents of the file', () => {
  it('lists only what the trail has produced', () => {
    expect(availableKinds(input(OPEN)).map((k) => k.kind)).toEqual(['application', 'rights-notice']);
    expect(availableKinds(input(OPEN, SESSION, SIGN, APPLY, ARCHIVE)).map((k) => k.kind)).toEqual(['application', 'rights-notice', 'session-record', 'agreement', 'confirmation-application', 'closing-report']);
    expect(kindsOf('jc')).toEqual([]);
  });

  it('registers the dispute and records each session', () => {
    const registration = textOf(layoutOf('application', input(OPEN)));
    expect(registration).toContain('登记日期：2026年3月1日');
    expect(registration).toContain('纠纷来源：当事人申请');
    expect(registration).toContain('受理人民调解委员会：枫源村人民调解委员会');
    const record = textOf(layoutOf('session-record', input(OPEN, SESSION)));
    expect(record).toContain('时间：2026年3月5日');
    expect(record).toContain('参与调解人员：村民代表刘大爷');
    expect(record).toContain('双方陈述各自意见');
  });

  it('applies for judicial confirmation to the court named, quoting the agreement', () => {
    const text = textOf(layoutOf('confirmation-application', input(OPEN, SIGN, APPLY)));
    expect(text).toContain('请求确认申请人于2026年3月9日经枫源村人民调解委员会主持调解达成的人民调解协议有效。');
    expect(text).toContain('青溪区人民法院');
    expect(text).toContain('李四拆除越界围墙。');
    expect(text).toContain('第二百零五条');
  });

  it('tells the routes when mediation ends without agreement', () => {
    const ended = entry('TERMINATE_FAILED', { reason: '分歧大', rightsNotice: { routes: ['LITIGATION', 'ARBITRATION'], notifiedOn: '2026-03-20', method: 'WRITTEN' } }, '2026-03-20T02:00:00.000Z');
    const before = textOf(layoutOf('rights-notice', input(OPEN)));
    expect(before).toContain('接受调解、拒绝调解或者要求终止调解');
    expect(before).not.toContain('终止调解告知');
    const after = textOf(layoutOf('rights-notice', input(OPEN, ended)));
    expect(after).toContain('1. 向人民法院提起诉讼');
    expect(after).toContain('2. 申请仲裁');
    expect(after).toContain('2026年3月20日');
  });

  it('reports how the file closed', () => {
    const text = textOf(layoutOf('closing-report', input(OPEN, entry('ASSIGN_MEDIATOR', { mediatorId: 'u-med' }, '2026-03-02T02:00:00.000Z'), SESSION, SIGN, ARCHIVE)));
    expect(text).toContain('人民调解员：王秀英');
    expect(text).toContain('共调解1次：2026年3月5日。');
    expect(text).toContain('达成书面调解协议，于2026年3月9日生效。');
    expect(text).toContain('归档号 GD-7');
    expect(text).toContain('告知的其他途径：向人民法院提起诉讼');
    expect(text).toContain('结案日期：2026年5月6日');
  });
});

describe('PdfDocumentStamper', () => {
  const stamper = new PdfDocumentStamper();

  it('digests the document an event produces, as a later download of it renders', () => {
    expect(stamper.produces('pm', 'SIGN_WRITTEN_AGREEMENT')).toBe(true);
    expect(stamper.produces('pm', 'RECORD_SESSION')).toBe(false);
    expect(stamper.produces('jc', 'SIGN_WRITTEN_AGREEMENT')).toBe(false);
    const [digest] = stamper.stamp(input(OPEN, SESSION, SIGN));
    expect(digest.kind).toBe('agreement');
    const later = generateDocument(kind('agreement'), input(OPEN, SESSION, SIGN, APPLY), true);
    expect(sha256(later)).toBe(digest.sha256);
    expect(later.subarray(0, 5).toString()).toBe('%PDF-');
    // The masked copy another reader gets is a different file.
    expect(sha256(generateDocument(kind('agreement'), input(OPEN, SESSION, SIGN), false))).not.toBe(digest.sha256);
  });
});
