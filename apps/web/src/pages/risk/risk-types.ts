import type { Schemas } from '../../api/types';

/** `GET /api/risk/register`: the open high-risk disputes of a region. */
export type RiskRegisterView = Schemas['RiskRegisterView'];
/** `GET /api/risk/sweeps`: one screening sweep (排查). */
export type RiskSweep = Schemas['RiskSweep'];
/** `GET /api/disputes/:code/supervision`: the cases a centre dispatched, with their deadlines. */
export type SupervisionView = Schemas['SupervisionView'];

export const RISK_COLORS: Record<string, string> = { RED: 'red', ORANGE: 'orange', YELLOW: 'gold', BLUE: 'blue' };
export const RISK_LABELS: Record<string, string> = { RED: '红色', ORANGE: '橙色', YELLOW: '黄色', BLUE: '蓝色' };
export const RISK_ROLES = ['CENTRE_DISPATCHER', 'GRID_WORKER', 'POLICE_OFFICER', 'ADMIN', 'AUDITOR'];
