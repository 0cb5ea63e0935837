import { SetMetadata } from '@nestjs/common';
import type { UserRole } from '@app/shared';

export const REQUIRED_ROLES = 'fengqiao:roles';
/** The caller needs one of these roles. */
export const Roles = (...roles: UserRole[]) => SetMetadata(REQUIRED_ROLES, roles);
