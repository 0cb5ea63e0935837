import type { User } from '../directory.types';
import { sessionEndFor } from './revocation';

describe('sessionEndFor', () => {
  const user: User = { id: 'u1', username: 'fy_clerk', displayName: '办事员', roles: ['MEDIATOR', 'INTAKE_CLERK'], orgId: 'org-a', active: true };

  it('ends sessions on deactivation, before any other reason', () => {
    expect(sessionEndFor(user, { ...user, active: false, roles: ['MEDIATOR'] })).toBe('DEACTIVATED');
  });

  it('ends sessions when the set of roles changes, not when only their order does', () => {
    expect(sessionEndFor(user, { ...user, roles: ['MEDIATOR'] })).toBe('ROLE_CHANGED');
    expect(sessionEndFor(user, { ...user, roles: ['MEDIATOR', 'AUDITOR'] })).toBe('ROLE_CHANGED');
    expect(sessionEndFor(user, { ...user, roles: ['INTAKE_CLERK', 'MEDIATOR'] })).toBeNull();
  });

  it('ends sessions when the organisation changes', () => {
    expect(sessionEndFor(user, { ...user, orgId: 'org-b' })).toBe('ORG_CHANGED');
  });

  it('keeps sessions for a new display name or a reactivation', () => {
    expect(sessionEndFor(user, { ...user, displayName: '新名字' })).toBeNull();
    expect(sessionEndFor({ ...user, active: false }, user)).toBeNull();
  });
});
