import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import bundledJson from './data/holidays-cn.json';
import { NoticeTextError, parseNoticeText, parseNotice } from './index';

const notice = (year: number) => readFileSync(join(__dirname, 'testing', 'notices', `${year}.txt`), 'utf8');

function problems(text: string): string[] {
  try {
    parseNoticeText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(NoticeTextError);
    return (error as NoticeTextError).problems.map((p) => p.messageZh);
  }
  throw new Error('parseNoticeText accepted the text');
}

/** The 2026 notice with one line replaced. */
const edited2026 = (from: string, to: string) => {
  const text = notice(2026);
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe('parseNoticeText reads the State Council notices as published', () => {
  it.each([2025, 2026])('%d: the same holidays and make-up working days as the bundled calendar', (year) => {
    const bundled = (bundledJson.years as Record<string, { holidays: Record<string, string[]>; makeupWorkdays: string[]; source: string }>)[String(year)];
    const read = parseNoticeText(notice(year));
    expect(read.year).toBe(year);
    expect(read.holidays).toEqual(bundled.holidays);
    expect(read.makeupWorkdays).toEqual(bundled.makeupWorkdays);
    expect(read.source).toBe(bundled.source);
    expect(read.notes).toEqual([]);
  });

  it('gives what the import endpoint accepts', () => {
    const read = parseNoticeText(notice(2026));
    const [year] = parseNotice({ years: { [read.year]: { source: read.source, holidays: read.holidays, makeupWorkdays: read.makeupWorkdays } } });
    expect(year.holidays).toHaveLength(33);
    expect(year.makeupWorkdays).toHaveLength(6);
    expect(year.names?.['2026-02-15']).toBe('春节');
  });

  it('reads full-width digits, ASCII brackets, a document number and an item continued on the next line', () => {
    const text = [
      '国务院办公厅关于2026年部分节假日安排的通知',
      '国办发明电〔2025〕7号',
      '一、元旦：１月１日(周四)至３日(周六)放假调休，共３天。',
      '1月4日（周日）上班。',
      '二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、28日（周六）上班。鼓励各单位安排职工在除夕（2月16日）休息。',
      '国务院办公厅',
      '2025年11月4日',
    ].join('\r\n');
    expect(parseNoticeText(text)).toEqual({
      year: 2026,
      source: '国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 2025-11-04)',
      holidays: {
        元旦: ['2026-01-01', '2026-01-02', '2026-01-03'],
        春节: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
      },
      makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28'],
      notes: [],
    });
  });

  it('leaves the days of a 元旦 break that fall in the year before to that year', () => {
    const read = parseNoticeText('国务院办公厅关于2023年部分节假日安排的通知\n一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。');
    expect(read.holidays).toEqual({ 元旦: ['2023-01-01', '2023-01-02'] });
    expect(read.notes).toEqual(['2022年12月31日（元旦放假日）不属于2023年，未导入']);
  });
});

describe('parseNoticeText names the line, the holiday and the date at fault', () => {
  it.each([
    ['an impossible date', '五、端午节：6月19日（周五）至21日（周日）放假，共3天。', '五、端午节：6月31日至7月2日放假，共3天。', '第9行（端午节）：“6月31日”不是有效日期'],
    ['a weekday that does not match', '三、清明节：4月4日（周六）至6日（周一）放假，共3天。', '三、清明节：4月4日（周五）至6日（周一）放假，共3天。', '第7行（清明节）：4月4日是星期六，通知写的是星期五'],
    ['a total that does not match the span', '六、中秋节：9月25日（周五）至27日（周日）放假，共3天。', '六、中秋节：9月25日至28日放假，共3天。', '第10行（中秋节）：9月25日至28日共4天，与通知所写“共3天”不符'],
    ['a span that ends before it starts', '四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。', '四、劳动节：5月5日至1日放假调休。', '第8行（劳动节）：放假结束日“1日”早于开始日“5月5日”'],
    ['a make-up day that is also a holiday', '5月9日（周六）上班。', '5月3日上班。', '第8行（劳动节）：5月3日既列为放假日，又列为上班日'],
    ['a day in two holidays', '六、中秋节：9月25日（周五）至27日（周日）放假，共3天。', '六、中秋节：10月1日放假1天。', '第11行（国庆节）：10月1日已列为第10行（中秋节）的放假日'],
    ['an item with no holiday', '五、端午节：6月19日（周五）至21日（周日）放假，共3天。', '五、端午节：另行通知。', '第9行（端午节）：没有找到放假日期（应写作“6月19日至21日放假”）'],
    ['a sentence with dates it cannot read', '三、清明节：4月4日（周六）至6日（周一）放假，共3天。', '三、清明节：4月4日至6日休息，共3天。', '第7行（清明节）：无法识别“4月4日至6日休息，共3天”：放假日期应写作“M月D日至D日放假”，调休上班日写作“M月D日上班”'],
  ])('%s', (_, from, to, expected) => {
    expect(problems(edited2026(from, to))).toEqual([expected]);
  });

  it('lists every problem at once', () => {
    const text = edited2026('三、清明节：4月4日（周六）至6日（周一）放假，共3天。', '三、清明节：4月4日（周五）至6日（周一）放假，共3天。').replace('6月19日（周五）至21日（周日）', '6月31日至7月2日');
    expect(problems(text)).toEqual(['第7行（清明节）：4月4日是星期六，通知写的是星期五', '第9行（端午节）：“6月31日”不是有效日期']);
  });

  it('asks for the title when the year is nowhere, and for the items when there are none', () => {
    expect(problems('一、元旦：1月1日放假1天。')).toEqual(['未找到年度：请保留通知标题“国务院办公厅关于XXXX年部分节假日安排的通知”']);
    expect(problems('国务院办公厅关于2027年部分节假日安排的通知\n另行通知。')).toEqual(['未找到放假安排：通知正文应有“一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。”这样的条目']);
  });

  it('takes the year from the opening sentence when the title is missing', () => {
    expect(parseNoticeText('现将2026年元旦放假安排通知如下。\n一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。').source).toBe('国务院办公厅关于2026年部分节假日安排的通知');
  });
});
