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
}
