import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AuditStore, ChainHash, findingLabel, verifyInBatches } from '@app/audit';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { limitHeapGrowth } from '../operations/heap-policy';

const USAGE = 'Usage: npm run audit:verify -- --database [--batch <entries per batch>]';

/**
 * `npm run audit:verify -- --database`: recomputes every audit chain in the configured database (DATABASE_URL, else
 * the SQLite file FENGQIAO_DB_PATH) with the streaming verifier, batch by batch, printing its progress about every
 * second and then every finding. Memory stays flat however large the log. For the signed anchors, check an export
 * offline instead (`npm run audit:verify -- <export> --public-key <pem>`).
 * Returns the exit code: 0 every chain verified, 1 findings, 2 bad usage.
 */
export async function runDatabaseVerify(args: string[], env: NodeJS.ProcessEnv = process.env, out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  let batchSize = 2000;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--database') continue;
    if (args[i] === '--batch' && /^\d+$/.test(args[i + 1] ?? '') && Number(args[i + 1]) >= 1 && Number(args[i + 1]) <= 50_000) batchSize = Number(args[++i]);
    else {
      out.error(USAGE);
      return 2;
    }
  }
  if (env === process.env && existsSync('.env')) process.loadEnvFile('.env');
  // No background work in this process: not the deadline worker, and not a verification job another engine runs.
  const base = loadConfig(env);
  if (env === process.env) limitHeapGrowth(base.heapGrowingPercent);
  const config = { ...base, worker: false, seedDemo: false, logLevel: 'warn', auditVerification: { ...base.auditVerification, pollMs: 0 } };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const store = app.get(AuditStore);
    const algorithm = app.get(ChainHash).algorithm;
    const total = await store.estimateSize();
    const started = Date.now();
    let printed = started;
    const progress = (entries: number, cases: number, findings: number) => {
      const percent = total.entries > 0 ? Math.min(100, (entries * 100) / total.entries).toFixed(1) : '100.0';
      const rate = Math.round(entries / Math.max((Date.now() - started) / 1000, 0.001));
      out.log(`校验进度：${percent}%（${entries}/${total.entries} 条记录，${cases} 个案件，${findings} 处问题，${rate} 条/秒）`);
    };
    const report = await verifyInBatches(store, algorithm, {
      batchSize,
      onBatch: (counts, findings) => {
        if (Date.now() - printed < 1000) return;
        printed = Date.now();
        progress(counts.entries, counts.cases, findings);
      },
    });
    progress(report.counts.entries, report.counts.cases, report.findingsCount);
    if (report.findingsCount === 0) {
      out.log(`审计链校验通过：${report.counts.cases} 个案件，${report.counts.entries} 条记录，${algorithm} 链 (verified)`);
      return 0;
    }
    for (const f of report.findings) out.error(`案件 ${f.caseId} 第 ${f.seq} 条：${findingLabel(f.reason)} (${f.reason})`);
    if (report.findingsCount > report.findings.length) out.error(`……另有 ${report.findingsCount - report.findings.length} 处未列出`);
    out.error(`审计链校验失败：${report.findingsCount} 个案件的审计链与记录不符 (${report.findingsCount} broken chain(s))`);
    return 1;
  } finally {
    await app.close();
  }
}
