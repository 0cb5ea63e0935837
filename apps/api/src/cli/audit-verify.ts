import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHAIN_HASH_ALGORITHMS, readVerifyingKey, verifyExport, verifySecurityExport, type AuditEntry, type ChainHashAlgorithm, type Checkpoint, type SecurityChainHead, type SecurityEventRecord, type VerifyingKey } from '@app/audit';

const USAGE = 'Usage: npm run audit:verify -- <export.ndjson or directory> [kept-checkpoints.ndjson ...] --public-key <public-key.pem>';

/**
 * `npm run audit:verify -- <export> --public-key <pem>`: checks an audit export (GET /api/audit/export) against the
 * signed checkpoints in it and in any further files the auditor kept, with only the public key and no database; a
 * security-log export (GET /api/audit/security-log/export) is checked the same way, alone or beside it. The
 * algorithms come from the files: the export's header names the chain hash (an export without one predates the
 * choice and is SHA-256), each checkpoint names its own, and the public key is Ed25519 or SM2.
 * Returns the exit code: 0 verified, 1 a difference (named by case and seq), 2 bad usage or unreadable input.
 */
export function runAuditVerify(args: string[], out: Pick<Console, 'log' | 'error'> = console): number {
  const files: string[] = [];
  let keyPath: string | null = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--public-key') keyPath = args[++i] ?? null;
    else files.push(args[i]);
  }
  if (!keyPath || files.length === 0) {
    out.error(USAGE);
    return 2;
  }
  let publicKey: VerifyingKey;
  const entries: AuditEntry[] = [];
  const checkpoints: Checkpoint[] = [];
  const exportHashes = new Set<string>();
  const securityEvents: SecurityEventRecord[] = [];
  const securityHeads: SecurityChainHead[] = [];
  let auditExport = false;
  let securityExportedAt: string | null = null;
  try {
    publicKey = readVerifyingKey(existsSync(keyPath) ? readFileSync(keyPath, 'utf8') : keyPath);
    for (const file of files.flatMap(expand)) {
      readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
        if (!line.trim()) return;
        let value: { entry?: AuditEntry; checkpoint?: Checkpoint; securityEvent?: SecurityEventRecord; securityHead?: SecurityChainHead; format?: string; chainHash?: string; exportedAt?: string };
        try {
          value = JSON.parse(line);
        } catch {
          throw new Error(`${file}:${index + 1} is not JSON`);
        }
        if (value.format === 'fengqiao-audit-export') (exportHashes.add(value.chainHash ?? 'sha256'), (auditExport = true));
        if (value.format === 'fengqiao-security-log-export') {
          exportHashes.add(value.chainHash ?? 'sha256');
          // The latest export's moment bounds what the purge may have taken.
          if (value.exportedAt && (!securityExportedAt || value.exportedAt > securityExportedAt)) securityExportedAt = value.exportedAt;
        }
        if (value.entry) entries.push(value.entry);
        if (value.securityEvent) securityEvents.push(value.securityEvent);
        if (value.securityHead) securityHeads.push(value.securityHead);
        if (value.checkpoint) checkpoints.push(value.checkpoint);
      });
    }
  } catch (error) {
    out.error(`无法读取：${error instanceof Error ? error.message : String(error)}`);
    out.error(USAGE);
    return 2;
  }
  const chainHash = [...exportHashes][0] ?? checkpoints[0]?.algorithms?.chainHash ?? 'sha256';
  if (exportHashes.size > 1 || !(CHAIN_HASH_ALGORITHMS as readonly string[]).includes(chainHash)) {
    out.error(`无法核验：导出文件的哈希算法为 ${[...exportHashes].join('、') || chainHash}，应为同一部署的 sha256 或 sm3 (the exports name ${[...exportHashes].join(', ') || chainHash}; give exports of one deployment)`);
    return 2;
  }
  const algorithm = chainHash as ChainHashAlgorithm;
  // Case chains unless only a security-log export was given: its checkpoints sign case heads the files do not hold.
  if (auditExport || entries.length > 0 || securityExportedAt === null) {
    const verdict = verifyExport(entries, checkpoints, publicKey, algorithm);
    if (!verdict.ok) {
      const where = verdict.caseId ? `案件 ${verdict.caseId} 第 ${verdict.seq} 条` : `检查点 ${verdict.checkpointSeq}`;
      out.error(`审计导出核验失败：${where}起与签名记录不符 (${verdict.reason})`);
      out.log(JSON.stringify(verdict));
      return 1;
    }
    out.log(`审计导出核验通过：${verdict.entries} 条记录，${verdict.checkpoints} 个签名检查点，${chainHash} 链，${publicKey.algorithm} 签名 (verified)`);
  }
  if (securityExportedAt !== null) {
    const verdict = verifySecurityExport(securityEvents, securityHeads, checkpoints, publicKey, algorithm, securityExportedAt);
    if (!verdict.ok) {
      const where = verdict.chainKey ? `安全日志链 ${verdict.chainKey} 第 ${verdict.seq} 条` : `检查点 ${verdict.checkpointSeq}`;
      out.error(`安全日志导出核验失败：${where}起与签名记录不符 (${verdict.reason})`);
      out.log(JSON.stringify(verdict));
      return 1;
    }
    out.log(`安全日志导出核验通过：${verdict.events} 条事件，${verdict.covering} 个签名检查点覆盖安全日志，${chainHash} 链，${publicKey.algorithm} 签名 (verified)`);
  }
  return 0;
}

/** A directory stands for the .ndjson files in it. */
function expand(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).filter((f) => f.endsWith('.ndjson')).sort().map((f) => join(path, f));
}
