import type { Directory, Viewer } from '@app/organisations';
import { ForbiddenError, ValidationError } from '@app/shared';

/** Who keeps and reads the risk register: the 综治中心, its grid workers, the police, and the engine's overseers. */
export const RISK_REGISTER_ROLES = ['CENTRE_DISPATCHER', 'GRID_WORKER', 'POLICE_OFFICER', 'ADMIN', 'AUDITOR'];

/** The region asked for, defaulting to the caller's own; a region outside the caller's jurisdiction is refused. */
export function riskRegion(viewer: Viewer, directory: Directory, regionCode: string | undefined, roles = RISK_REGISTER_ROLES): string {
  if (!viewer.roles.some((r) => roles.includes(r))) {
    throw new ForbiddenError('Only the governance centre, grid workers and the police keep the risk register', '只有综治中心、网格员和公安机关可以查看或记录矛盾纠纷风险台账');
  }
  const code = regionCode ?? viewer.regionCode;
  const all = viewer.roles.includes('ADMIN');
  if (!directory.region(code) || (!all && !directory.regionWithin(code, viewer.regionCode))) {
    throw new ValidationError([{ field: 'regionCode', message: 'is not a region in your jurisdiction', messageZh: '不属于本单位管辖的地区' }]);
  }
  return code;
}
