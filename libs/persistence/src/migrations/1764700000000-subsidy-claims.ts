import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 以案定补: versioned tariffs per region and year, annual budgets, mediators' filings (备案), one row per claim beside
 * its `sub` case (the claimed case is the primary key: one claim per case, ever) and the recorded spot-check draws.
 * Amounts are whole fen.
 */
export class SubsidyClaims1764700000000 implements MigrationInterface {
  name = 'SubsidyClaims1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const json = pg ? 'jsonb' : 'text';
    const instant = pg ? 'timestamptz' : 'text';
    await runner.query(
      `CREATE TABLE subsidy_tariffs (
         id varchar(64) PRIMARY KEY,
         region_code varchar(12) NOT NULL,
         year integer NOT NULL,
         version integer NOT NULL,
         rules ${json} NOT NULL,
         created_at ${instant} NOT NULL,
         created_by varchar(64) NOT NULL,
         UNIQUE (region_code, year, version))`,
    );
    await runner.query(
      `CREATE TABLE subsidy_budgets (
         region_code varchar(12) NOT NULL,
         year integer NOT NULL,
         total_fen bigint NOT NULL CHECK (total_fen >= 0),
         committed_fen bigint NOT NULL DEFAULT 0 CHECK (committed_fen >= 0),
         PRIMARY KEY (region_code, year))`,
    );
    await runner.query(
      `CREATE TABLE subsidy_filings (
         user_id varchar(64) PRIMARY KEY,
         filing_no varchar(100) NOT NULL,
         filed_on varchar(10) NOT NULL,
         recorded_by varchar(64) NOT NULL,
         recorded_at ${instant} NOT NULL)`,
    );
    await runner.query(
      `CREATE TABLE subsidy_claims (
         claimed_case_id varchar(64) PRIMARY KEY,
         claim_case_id varchar(64) NOT NULL UNIQUE,
         claimed_case_no varchar(100) NOT NULL,
         region_code varchar(12) NOT NULL,
         org_id varchar(64) NOT NULL,
         mediator_id varchar(64) NOT NULL,
         category varchar(40) NOT NULL,
         tier varchar(30) NOT NULL,
         agreement_form varchar(10),
         outcome varchar(10) NOT NULL,
         performed_on varchar(10) NOT NULL,
         audit_seq integer NOT NULL,
         audit_hash varchar(128) NOT NULL,
         presence_evidence text,
         party_names text NOT NULL,
         tariff_id varchar(64) NOT NULL,
         tariff_version varchar(100) NOT NULL,
         budget_region varchar(12) NOT NULL,
         budget_year integer NOT NULL,
         amount_fen bigint,
         funding_source varchar(100),
         committed_fen bigint NOT NULL DEFAULT 0,
         created_at ${instant} NOT NULL)`,
    );
    // Statements read a region's or an organisation's claims over a period.
    await runner.query('CREATE INDEX subsidy_claims_region_period ON subsidy_claims (region_code, performed_on)');
    await runner.query('CREATE INDEX subsidy_claims_org_period ON subsidy_claims (org_id, performed_on)');
    await runner.query('CREATE INDEX subsidy_claims_mediator ON subsidy_claims (mediator_id, performed_on)');
    await runner.query(
      `CREATE TABLE subsidy_spot_checks (
         id varchar(64) PRIMARY KEY,
         region_code varchar(12) NOT NULL,
         seed varchar(200) NOT NULL,
         rate ${pg ? 'double precision' : 'real'} NOT NULL,
         risk_tiers ${json} NOT NULL,
         population ${json} NOT NULL,
         picks ${json} NOT NULL,
         drawn_at ${instant} NOT NULL,
         drawn_by varchar(64) NOT NULL)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const t of ['subsidy_spot_checks', 'subsidy_claims', 'subsidy_filings', 'subsidy_budgets', 'subsidy_tariffs']) await runner.query(`DROP TABLE ${t}`);
  }
}
