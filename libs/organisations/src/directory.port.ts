import type { Organisation, Region, User, UserWithSecret } from './directory.types';

/** Reads and writes of regions, organisations and users. Implemented by the persistence layer. */
export abstract class DirectoryRepository {
  abstract regions(): Promise<Region[]>;
  abstract organisations(): Promise<Organisation[]>;
  abstract users(): Promise<User[]>;
  abstract userById(id: string): Promise<User | null>;
  abstract userByUsername(username: string): Promise<UserWithSecret | null>;
  abstract isEmpty(): Promise<boolean>;
  abstract saveRegions(regions: Region[]): Promise<void>;
  abstract saveOrganisations(orgs: Organisation[]): Promise<void>;
  abstract saveUsers(users: UserWithSecret[]): Promise<void>;
  /** Adds one account; throws `UsernameTakenError` when the username is in use, even by a concurrent request. */
  abstract createUser(user: UserWithSecret): Promise<void>;
  /** Changes an account's profile; false when there is no such user. */
  abstract updateUser(id: string, changes: UserChanges): Promise<boolean>;
  /** Replaces an account's password hash; false when there is no such user. */
  abstract setPasswordHash(id: string, passwordHash: string): Promise<boolean>;
  /** Adds one organisation; throws `OrganisationNameTakenError` when its name or short name is in use. */
  abstract createOrganisation(org: Organisation): Promise<void>;
}

/** What an administrator may change on an existing account (the username never changes: the audit trail names it). */
export type UserChanges = Partial<Pick<User, 'displayName' | 'roles' | 'orgId' | 'active'>>;
