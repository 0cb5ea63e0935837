import type { Role } from '@app/shared';

/** The authenticated caller, as carried in the access token. */
export interface Viewer {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgId: string;
  regionCode: string;
}

export const SYSTEM_VIEWER: Viewer = {
  userId: 'system',
  username: 'system',
  displayName: '系统',
  roles: ['SYSTEM'],
  orgId: '',
  regionCode: '',
};
