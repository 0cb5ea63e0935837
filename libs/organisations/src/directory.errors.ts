import { ConflictError, NotFoundError } from '@app/shared';

/** Usernames identify people at login, so two accounts may never share one. */
export class UsernameTakenError extends ConflictError {
  constructor(readonly username: string) {
    super(`The username ${username} is already in use`, `用户名“${username}”已被使用`, { field: 'username' });
  }
}

/** Organisation names and short names appear on case numbers and papers, so they must tell organisations apart. */
export class OrganisationNameTakenError extends ConflictError {
  constructor(readonly field: 'name' | 'shortName', value: string) {
    super(
      `An organisation with the ${field} ${value} already exists`,
      field === 'name' ? `已有名为“${value}”的单位` : `简称“${value}”已被其他单位使用（简称用于案号，须唯一）`,
      { field },
    );
  }
}

export class UserNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('User', '用户', id);
  }
}
