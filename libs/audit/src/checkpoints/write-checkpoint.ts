import type { AuditStore } from '../audit-store.port';
import { signCheckpoint, type Checkpoint } from './checkpoint';
import type { CheckpointStore } from './checkpoint-store.port';
import type { SigningKey } from '../signatures/checkpoint-keys';
import type { SecurityEventStore } from '../security/security-event-store.port';

/**
 * Signs the case heads as one snapshot shows them, and the security log's chain heads when given its store, and
 * stores the checkpoint after the latest one. Null when another process stored a checkpoint with the same seq first:
 * its checkpoint covers the same moment closely enough.
 */
export async function writeCheckpoint(audit: AuditStore, store: CheckpointStore, privateKey: SigningKey, now: Date, security?: SecurityEventStore): Promise<Checkpoint | null> {
  const previous = await store.latest();
  const heads = await audit.snapshot((reader) => reader.heads());
  const leaves = heads.filter((h) => h.version > 0).map((h) => ({ caseId: h.caseId, seq: h.version, headHash: h.headHash }));
  const securityLeaves = security ? (await security.heads()).map((h) => ({ chainKey: h.chainKey, seq: h.seq, at: h.at, headHash: h.hash })) : undefined;
  const checkpoint = signCheckpoint(previous, now.toISOString(), leaves, privateKey, securityLeaves);
  return (await store.append(checkpoint)) ? checkpoint : null;
}
