import { Column, Entity, PrimaryColumn } from 'typeorm';

/** JSON columns are jsonb on PostgreSQL and text on SQLite; the transformer reads both. */
const instantText = {
  to: (value: Date) => value.toISOString(),
  from: (value: unknown) => (value instanceof Date ? value : new Date(String(value))),
};

const jsonText = {
  to: (value: unknown) => JSON.stringify(value),
  from: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value),
};

@Entity('regions')
export class RegionOrmEntity {
  @PrimaryColumn({ type: 'varchar' }) code!: string;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ type: 'varchar' }) level!: string;
  @Column({ type: 'varchar', name: 'parent_code', nullable: true }) parentCode!: string | null;
}

@Entity('organisations')
export class OrganisationOrmEntity {
  @PrimaryColumn({ type: 'varchar' }) id!: string;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ type: 'varchar', name: 'short_name' }) shortName!: string;
  @Column({ type: 'varchar' }) type!: string;
  @Column({ type: 'varchar', name: 'region_code' }) regionCode!: string;
  @Column({ type: 'varchar', name: 'parent_id', nullable: true }) parentId!: string | null;
}

@Entity('users')
export class UserOrmEntity {
  @PrimaryColumn({ type: 'varchar' }) id!: string;
  @Column({ type: 'varchar' }) username!: string;
  @Column({ type: 'varchar', name: 'display_name' }) displayName!: string;
  @Column({ type: 'text', name: 'password_hash' }) passwordHash!: string;
  @Column({ type: 'text', transformer: jsonText }) roles!: string[];
  @Column({ type: 'varchar', name: 'org_id' }) orgId!: string;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ type: 'varchar', name: 'created_at', transformer: instantText }) createdAt!: Date;
}

@Entity('holiday_years')
export class HolidayYearOrmEntity {
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @Column({ type: 'text' }) source!: string;
  @Column({ type: 'text', transformer: jsonText }) holidays!: string[];
  @Column({ type: 'text', name: 'makeup_workdays', transformer: jsonText }) makeupWorkdays!: string[];
  @Column({ type: 'text', nullable: true, transformer: jsonText }) names!: Record<string, string> | null;
  @Column({ type: 'varchar', name: 'imported_at', transformer: instantText }) importedAt!: Date;
  @Column({ type: 'varchar', name: 'imported_by' }) importedBy!: string;
}

export const ORM_ENTITIES = [RegionOrmEntity, OrganisationOrmEntity, UserOrmEntity, HolidayYearOrmEntity];
