import { chineseCount, chineseDate, type Block } from '../document-layout';
import { done, paragraphs, partyBlocks, type DocumentKind } from './document-kind';

/**
 * 人民调解协议书 in the 司法部 standard layout, carrying what 人民调解法 第二十九条 says it may: the parties' details,
 * the main facts and disputed issues, the agreed content with the manner and time of performance; it takes effect
 * with every party's signature, the mediator's signature and the committee's seal, one copy for each party and one
 * for the committee.
 */
export const agreement: DocumentKind = {
  kind: 'agreement',
  title: '人民调解协议书',
  producedBy: ['SIGN_WRITTEN_AGREEMENT'],
  available: (source) => source.entries('SIGN_WRITTEN_AGREEMENT').length > 0,
  layout(source) {
    const signed = source.last('SIGN_WRITTEN_AGREEMENT')!;
    const data = signed.data;
    const parties = source.parties();
    const signedIds = new Set(Array.isArray(data.signedPartyIds) ? data.signedPartyIds.map(String) : []);
    const due = typeof data.performanceDueOn === 'string' ? `于${chineseDate(data.performanceDueOn)}前按上述约定履行完毕。` : '按上述约定履行。';
    const blocks: Block[] = [
      { type: 'heading', text: '当事人' },
      ...partyBlocks(parties),
      { type: 'heading', text: '纠纷主要事实、争议事项' },
      ...paragraphs(source.summary),
      { type: 'heading', text: '经调解，自愿达成如下协议' },
      ...paragraphs(data.content),
      { type: 'heading', text: '履行方式、时限' },
      { type: 'paragraph', text: due },
      { type: 'paragraph', text: `本协议一式${chineseCount(parties.length + 1)}份，当事人、人民调解委员会各持一份，自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。` },
      ...parties.map((p) => ({ type: 'signature' as const, label: `当事人（签名盖章或按指印）`, value: `${p.name}${done(signedIds.has(p.id), '签名')}` })),
      { type: 'signature', label: '人民调解员（签名）', value: `${source.userName(signed.actorId)}${done(data.mediatorSigned, '签名')}` },
      { type: 'right', text: `${source.committee}（印）${done(data.committeeSealed, '盖章')}` },
      { type: 'right', text: chineseDate(String(data.effectiveOn)) },
    ];
    return { kind: 'agreement', title: '人民调解协议书', number: source.caseNo, blocks };
  },
};
