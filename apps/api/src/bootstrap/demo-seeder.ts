import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DEMO_ORGANISATIONS, DEMO_REGIONS, DEMO_USERS, DirectoryRepository, DirectoryService } from '@app/organisations';
import { SubsidyStore } from '@app/subsidy';
import { PasswordHasher } from '../auth/password-hasher';
import { seedSubsidyDemo } from './subsidy-demo';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Seeds the demo jurisdiction into an empty database (embedded mode by default, PostgreSQL only with
 * FENGQIAO_DEMO=1). Without FENGQIAO_DEMO_PASSWORD a password is generated and printed once, here.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: DirectoryRepository,
    private readonly directoryService: DirectoryService,
    private readonly hasher: PasswordHasher,
    private readonly subsidy: SubsidyStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo || !(await this.directory.isEmpty())) return;
    const password = this.config.demoPassword ?? readablePassword();
    await this.directory.saveRegions(DEMO_REGIONS);
    await this.directory.saveOrganisations(DEMO_ORGANISATIONS);
    // The demo users share one password by design (README), so one hash serves them all: thirty Argon2id hashes
    // would add seconds to every start of the demo.
    const passwordHash = await this.hasher.hash(password);
    const users = DEMO_USERS.map((u) => ({ ...u, id: randomUUID(), active: true, passwordHash }));
    await this.directory.saveUsers(users);
    this.directoryService.invalidate();
    await seedSubsidyDemo(this.subsidy, users);
    this.logger.log(`Seeded the demo jurisdiction 青溪区: ${DEMO_ORGANISATIONS.length} organisations, ${DEMO_USERS.length} users`);
    if (!this.config.demoPassword && this.config.logFormat === 'json') {
      // A plain line would break a JSON log stream: the password goes in a log line of its own.
      this.logger.warn(`Demo users (admin, fy_mediator, court_clerk, … see README) share the generated password ${password}; set FENGQIAO_DEMO_PASSWORD to choose it`);
    } else if (!this.config.demoPassword) {
      // Printed on its own line so a newcomer finds it among the log lines.
      process.stdout.write(`\n  Demo users (admin, fy_mediator, court_clerk, … see README) share the password: ${password}\n  Set FENGQIAO_DEMO_PASSWORD to choose it.\n\n`);
    }
  }
}

function readablePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(14)].map((b) => alphabet[b % alphabet.length]).join('');
}
