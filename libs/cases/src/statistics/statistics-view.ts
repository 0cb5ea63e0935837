import type { Figures } from './figures';

export interface StatisticsView {
  region: { code: string; name: string; level: string };
  from: string;
  to: string;
  totals: Figures;
  /** The region's direct subdivisions (each with its whole subtree) and, when cases sit on the region itself, 本级. */
  regions: ({ code: string; name: string; level: string } & Figures)[];
  workflows: ({ id: string; title: string } & Figures)[];
  categories: { code: string; label: string; cases: number; succeeded: number }[];
  sources: { code: string; label: string; cases: number }[];
  transfers: { from: { id: string; title: string }; to: { id: string; title: string }; sent: number; byStatus: Record<string, number> }[];
  mediators: { userId: string; name: string; orgName: string; answered: number; satisfied: number; satisfactionRate: number | null }[];
}

/** The monthly 人民调解 statistics in the layout a county reports upward: one row per organisation level and a total. */
export interface MonthlyReportView {
  region: { code: string; name: string };
  month: string;
  categories: { code: string; label: string }[];
  rows: MonthlyReportRow[];
}

export interface MonthlyReportRow {
  /** The organisation type, or TOTAL. */
  level: string;
  label: string;
  organisations: number;
  /** 排查纠纷: disputes found by proactive screening or reported by grid workers. */
  screened: number;
  /** 受理调解 */
  accepted: number;
  /** 调解成功 */
  succeeded: number;
  successRate: number | null;
  /** 协议履行 */
  performed: number;
  performanceRate: number | null;
  /** Accepted cases per dispute type, in the order of `categories`. */
  byCategory: Record<string, number>;
}
