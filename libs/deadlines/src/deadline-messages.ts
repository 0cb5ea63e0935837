import type { IsoDate } from '@app/calendar';

interface About {
  caseNo: string;
  label: string;
  dueOn: IsoDate;
  legalBasis: string;
}

/** The reminder a handling organisation receives before a deadline falls due. */
export function reminderMessage(d: About & { workingDaysLeft: number }): string {
  const when = d.workingDaysLeft <= 0 ? `将于今日（${d.dueOn}）届满` : `将于${d.dueOn}届满（还剩${d.workingDaysLeft}个工作日）`;
  return `期限提醒：案件${d.caseNo}的“${d.label}”${when}，依据：${d.legalBasis}。请及时办理。`;
}

/** The escalation (督办) the supervising organisation receives when a deadline of an organisation it supervises is missed. */
export function escalationMessage(d: About & { orgName: string }): string {
  return `逾期督办：${d.orgName}承办的案件${d.caseNo}的“${d.label}”已于${d.dueOn}届满，未在期限内办结（依据：${d.legalBasis}）。请督促承办单位尽快办理并报告情况。`;
}

/** Shown with a deadline whose due date is an estimate because a year's holiday notice is not loaded. */
export function provisionalWarning(dueOn: IsoDate): string {
  return `届满日期为暂定：期限涉及尚未导入国务院节假日安排的年份（至${dueOn.slice(0, 4)}年），暂按周末规则计算；管理员导入该年度安排后将自动重新计算。`;
}

/** Shown with a deadline whose clock is stopped. */
export function pausedWarning(since: IsoDate): string {
  return `期限自${since}起中止计算：所示届满日期为假设今日恢复计算时的日期，恢复后重新确定。`;
}
