/** `GET /api/risk/register`: the open high-risk disputes of a region. */
export interface RiskRegisterView {
  regionCode: string;
  regionName: string;
  byLevel: Record<string, number>;
  items: {
    disputeCode: string;
    level: string;
    levelLabel: string;
    reportedAt: string;
    summary: string | null;
    caseId: string;
    caseNo: string;
    orgName: string;
    regionName: string;
    openCases: number;
    notified: { orgId: string; orgName: string }[];
    reviewDueOn: string | null;
  }[];
}

/** `GET /api/risk/sweeps`: one screening sweep (排查). */
export interface RiskSweep {
  id: string;
  regionCode: string;
  orgId: string;
  conductedBy: string;
  conductedOn: string;
  findings: string;
  disputeCodes: string[];
  recordedAt: string;
}

/** `GET /api/disputes/:code/supervision`: the cases a centre dispatched, with their deadlines. */
export interface SupervisionView {
  code: string;
  centreCases: { id: string; caseNo: string; state: string; stateLabel: string }[];
  cases: {
    id: string;
    caseNo: string;
    workflow: { id: string; title: string };
    orgName: string;
    stateLabel: string;
    closed: boolean;
    openedAt: string;
    overdue: boolean;
    deadlines: { id: string; label: string; dueOn: string; status: string; legalBasis: string; soft: boolean }[];
  }[];
}

export const RISK_COLORS: Record<string, string> = { RED: 'red', ORANGE: 'orange', YELLOW: 'gold', BLUE: 'blue' };
export const RISK_LABELS: Record<string, string> = { RED: '红色', ORANGE: '橙色', YELLOW: '黄色', BLUE: '蓝色' };
export const RISK_ROLES = ['CENTRE_DISPATCHER', 'GRID_WORKER', 'POLICE_OFFICER', 'ADMIN', 'AUDITOR'];
