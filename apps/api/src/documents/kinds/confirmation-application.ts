import { chineseDate, type Block } from '../document-layout';
import { paragraphs, partyBlocks, type DocumentKind } from './document-kind';

/**
 * 司法确认申请书: the parties' joint application to a court to confirm the agreement (人民调解法 第三十三条；民事诉讼法
 * 第二百零五条), with the materials 民诉解释 第三百五十四条 asks for listed as attachments.
 */
export const confirmationApplication: DocumentKind = {
  kind: 'confirmation-application',
  title: '司法确认申请书',
  producedBy: ['APPLY_JUDICIAL_CONFIRMATION'],
  available: (source) => source.entries('APPLY_JUDICIAL_CONFIRMATION').length > 0,
  layout(source) {
    const applied = source.last('APPLY_JUDICIAL_CONFIRMATION')!;
    const signed = source.last('SIGN_WRITTEN_AGREEMENT');
    const applicants = source.parties(applied.data.applicantPartyIds);
    const effective = signed ? chineseDate(String(signed.data.effectiveOn)) : '';
    const day = source.asOf;
    const blocks: Block[] = [
      ...partyBlocks(applicants, '申请人'),
      { type: 'heading', text: '请求事项' },
      { type: 'paragraph', text: `请求确认申请人于${effective}经${source.committee}主持调解达成的人民调解协议有效。` },
      { type: 'heading', text: '事实和理由' },
      ...paragraphs(source.summary),
      { type: 'paragraph', text: `经${source.committee}调解，申请人自愿达成如下协议：` },
      ...paragraphs(signed?.data.content),
      { type: 'paragraph', text: '申请人依照《中华人民共和国人民调解法》第三十三条、《中华人民共和国民事诉讼法》第二百零五条的规定，共同向贵院申请确认上述调解协议有效。申请人保证出于解决纠纷的目的自愿达成协议，没有恶意串通、规避法律的行为；如因虚假调解损害国家利益、社会公共利益或者他人合法权益，愿意承担相应的法律责任。' },
      { type: 'field', label: '申请方式', value: applied.data.form === 'ORAL' ? '口头申请（法院记录）' : '书面申请' },
      { type: 'paragraph', text: '此致' },
      { type: 'paragraph', text: source.orgName(applied.data.courtOrgId) },
      { type: 'field', label: '附', value: '1. 人民调解协议书；2. 人民调解委员会主持调解的证明；3. 申请人身份证明' },
      ...applicants.map((p) => ({ type: 'signature' as const, label: '申请人（签名或盖章）', value: p.name })),
      { type: 'right', text: chineseDate(day) },
    ];
    return { kind: 'confirmation-application', title: '司法确认申请书', number: source.caseNo, blocks };
  },
};
