/**
 * The holiday notices shipped with the product (2024–2026). Parsed through the same checks as an import, so a
 * bad edit to the JSON fails at start-up instead of shifting deadlines.
 */
import holidaysCn from './data/holidays-cn.json';
import { parseNotice } from './holiday-notice';
import type { HolidayYear } from './types';

/** Official PRC holidays and make-up workdays for 2024–2026, from the State Council notices (frozen: copy before editing). */
export const BUNDLED_HOLIDAYS: HolidayYear[] = Object.freeze(parseNotice(holidaysCn)) as HolidayYear[];
