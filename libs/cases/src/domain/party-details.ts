/** 性别, as the 调解登记表 records it. */
export const SEXES = { MALE: '男', FEMALE: '女' } as const;

/** 法定代理人 acts for a minor or a person without capacity; 委托代理人 by the party's authorisation. */
export const AGENT_KINDS = { LEGAL: '法定代理人', ENTRUSTED: '委托代理人' } as const;

/** The 56 民族 in the order of GB/T 3304 (codes 01–56). */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

/** What a masked view shows instead of an address or a date of birth. */
export const HIDDEN = '（已隐藏）';
