import type { DataSource, Repository } from 'typeorm';
import {
  DirectoryRepository,
  OrganisationNameTakenError,
  UsernameTakenError,
  type Organisation,
  type Region,
  type User,
  type UserChanges,
  type UserWithSecret,
} from '@app/organisations';
import { isUserRole } from '@app/workflow';
import { OrganisationOrmEntity, RegionOrmEntity, UserOrmEntity } from '../entities/directory.orm-entities';
import type { Db } from '../db/db';
import { isUniqueViolation } from './sql-builders';

export class TypeOrmDirectoryRepository extends DirectoryRepository {
  private readonly regionRepo: Repository<RegionOrmEntity>;
  private readonly orgRepo: Repository<OrganisationOrmEntity>;
  private readonly userRepo: Repository<UserOrmEntity>;

  constructor(
    dataSource: DataSource,
    private readonly db: Db,
  ) {
    super();
    this.regionRepo = dataSource.getRepository(RegionOrmEntity);
    this.orgRepo = dataSource.getRepository(OrganisationOrmEntity);
    this.userRepo = dataSource.getRepository(UserOrmEntity);
  }

  async regions(): Promise<Region[]> {
    return (await this.db.serialize(() => this.regionRepo.find({ order: { code: 'ASC' } }))).map((r) => ({ code: r.code, name: r.name, level: r.level as Region['level'], parentCode: r.parentCode }));
  }

  async organisations(): Promise<Organisation[]> {
    return (await this.db.serialize(() => this.orgRepo.find({ order: { id: 'ASC' } }))).map((o) => ({ ...o, type: o.type as Organisation['type'] }));
  }

  async users(): Promise<User[]> {
    return (await this.db.serialize(() => this.userRepo.find({ order: { username: 'ASC' } }))).map(toUser);
  }

  async userById(id: string): Promise<User | null> {
    const row = await this.db.serialize(() => this.userRepo.findOneBy({ id }));
    return row ? toUser(row) : null;
  }

  async userByUsername(username: string): Promise<UserWithSecret | null> {
    const row = await this.db.serialize(() => this.userRepo.findOneBy({ username }));
    return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.db.serialize(() => this.orgRepo.count())) === 0;
  }

  async saveRegions(regions: Region[]): Promise<void> {
    // Parents first: the tree is a foreign key onto itself.
    const sorted = [...regions].sort((a, b) => a.code.length - b.code.length);
    await this.db.serialize(() => this.regionRepo.save(sorted.map((r) => this.regionRepo.create(r))));
  }

  async saveOrganisations(orgs: Organisation[]): Promise<void> {
    const pending = [...orgs];
    const saved = new Set((await this.db.serialize(() => this.orgRepo.find({ select: { id: true } }))).map((o) => o.id));
    while (pending.length) {
      const ready = pending.filter((o) => !o.parentId || saved.has(o.parentId));
      if (!ready.length) throw new Error(`Organisations refer to unknown parents: ${pending.map((o) => o.id).join(', ')}`);
      await this.db.serialize(() => this.orgRepo.save(ready.map((o) => this.orgRepo.create(o))));
      for (const o of ready) {
        saved.add(o.id);
        pending.splice(pending.indexOf(o), 1);
      }
    }
  }

  async saveUsers(users: UserWithSecret[]): Promise<void> {
    await this.db.serialize(() => this.userRepo.save(users.map((u) => this.userRepo.create({ ...u, createdAt: new Date() }))));
  }

  async createUser(user: UserWithSecret): Promise<void> {
    try {
      // insert, not save: save would quietly overwrite an account that already has this id.
      await this.db.serialize(() => this.userRepo.insert(this.userRepo.create({ ...user, createdAt: new Date() })));
    } catch (error) {
      if (this.isUnique(error)) throw new UsernameTakenError(user.username);
      throw error;
    }
  }

  async updateUser(id: string, changes: UserChanges): Promise<boolean> {
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (!Object.keys(set).length) return (await this.userById(id)) !== null;
    const result = await this.db.serialize(() => this.userRepo.update({ id }, set));
    return (result.affected ?? 0) > 0;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<boolean> {
    const result = await this.db.serialize(() => this.userRepo.update({ id }, { passwordHash }));
    return (result.affected ?? 0) > 0;
  }

  async createOrganisation(org: Organisation): Promise<void> {
    try {
      await this.db.serialize(() => this.orgRepo.insert(this.orgRepo.create(org)));
    } catch (error) {
      if (!this.isUnique(error)) throw error;
      const message = String((error as { message?: string }).message);
      throw /short_name/.test(message) ? new OrganisationNameTakenError('shortName', org.shortName) : new OrganisationNameTakenError('name', org.name);
    }
  }

  private isUnique(error: unknown): boolean {
    const driverError = (error as { driverError?: unknown }).driverError;
    return isUniqueViolation(error, this.db.dialect) || (driverError !== undefined && isUniqueViolation(driverError, this.db.dialect));
  }
}

function toUser(row: UserOrmEntity): User {
  return { id: row.id, username: row.username, displayName: row.displayName, roles: row.roles.filter(isUserRole), orgId: row.orgId, active: row.active };
}
