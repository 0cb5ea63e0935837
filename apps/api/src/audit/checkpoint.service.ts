import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditStore, ChainHash, CheckpointStore, SecurityEventStore, writeCheckpoint, type Checkpoint, type SignatureAlgorithm } from '@app/audit';
import { Clock, ConflictError } from '@app/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Writes a signed checkpoint every FENGQIAO_CHECKPOINT_MINUTES when FENGQIAO_CHECKPOINT_KEY is set, so the chain is
 * anchored by something no one with only database access can forge. Each signs the case heads and the security
 * log's chain heads. Without a key it writes none.
 */
@Injectable()
export class CheckpointService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoints');
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditStore,
    private readonly store: CheckpointStore,
    private readonly clock: Clock,
    private readonly chainHash: ChainHash,
    private readonly security: SecurityEventStore,
  ) {}

  get enabled(): boolean {
    return this.config.checkpoints.signingKey !== null;
  }

  /** The key checkpoints verify with, as SPKI PEM; null without a signing key. */
  publicKey(): { algorithm: SignatureAlgorithm; publicKey: string } | null {
    const key = this.config.checkpoints.signingKey;
    return key ? { algorithm: key.algorithm, publicKey: key.publicKey.pem() } : null;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => {
      this.current = this.write().catch((error: unknown) => this.logger.error(`Checkpoint failed: ${error instanceof Error ? error.message : String(error)}`));
    }, this.config.checkpoints.intervalMinutes * 60_000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.current;
  }

  /** Writes one checkpoint now; null when another process wrote the same seq at the same moment. */
  write(): Promise<Checkpoint | null> {
    const key = this.config.checkpoints.signingKey;
    if (!key) throw new ConflictError('Audit checkpoints are off: FENGQIAO_CHECKPOINT_KEY is not set', '未配置审计检查点签名密钥（FENGQIAO_CHECKPOINT_KEY），不能生成检查点');
    return writeCheckpoint(this.audit, this.store, key, this.clock.now(), this.security);
  }

  list(): Promise<Checkpoint[]> {
    return this.store.list();
  }

  /**
   * The export an auditor keeps: a header line, every entry, then every checkpoint, one JSON value per line. The
   * checkpoints are read before the entries, so every head they sign is in the export (the log only grows). The
   * header names the chain hash, which the offline verifier recomputes the entries with.
   */
  async exportLines(): Promise<string[]> {
    const checkpoints = await this.store.list();
    const lines = [JSON.stringify({ format: 'fengqiao-audit-export', version: 1, chainHash: this.chainHash.algorithm, exportedAt: this.clock.now().toISOString() })];
    await this.audit.snapshot(async (reader) => {
      let after: { caseId: string; seq: number } | null = null;
      for (;;) {
        const page = await reader.page(after, 2000);
        for (const entry of page) lines.push(JSON.stringify({ entry }));
        if (page.length < 2000) break;
        after = { caseId: page[page.length - 1].caseId, seq: page[page.length - 1].seq };
      }
    });
    for (const checkpoint of checkpoints) lines.push(JSON.stringify({ checkpoint }));
    return lines;
  }

  /**
   * The security log's export, in the same shape: a header, every link, every chain's recorded head, then every
   * checkpoint. Checkpoints first for the same reason; a link a checkpoint signed may since have been purged, which
   * the offline verifier accepts only when the chain's oldest retained link shows it was past the legal minimum.
   */
  async securityExportLines(): Promise<string[]> {
    const checkpoints = await this.store.list();
    const lines = [JSON.stringify({ format: 'fengqiao-security-log-export', version: 1, chainHash: this.chainHash.algorithm, exportedAt: this.clock.now().toISOString() })];
    await this.security.snapshot(async (reader) => {
      let after: { chainKey: string; seq: number } | null = null;
      for (;;) {
        const page = await reader.page(after, 2000);
        for (const securityEvent of page) lines.push(JSON.stringify({ securityEvent }));
        if (page.length < 2000) break;
        after = { chainKey: page[page.length - 1].chainKey, seq: page[page.length - 1].seq };
      }
      for (const securityHead of await reader.heads()) lines.push(JSON.stringify({ securityHead }));
    });
    for (const checkpoint of checkpoints) lines.push(JSON.stringify({ checkpoint }));
    return lines;
  }
}
