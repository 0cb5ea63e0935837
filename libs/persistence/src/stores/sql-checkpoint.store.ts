import { CheckpointStore, type Checkpoint } from '@app/audit';
import { readJson, type Db } from '../db/db';

export class SqlCheckpointStore extends CheckpointStore {
  constructor(private readonly db: Db) {
    super();
  }

  async latest(): Promise<Checkpoint | null> {
    const [row] = await this.db.query('SELECT body FROM audit_checkpoints ORDER BY seq DESC LIMIT 1');
    return row ? readJson<Checkpoint>(row.body) : null;
  }

  async append(checkpoint: Checkpoint): Promise<boolean> {
    const body = this.db.dialect === 'postgres' ? ':body::jsonb' : ':body';
    const changed = await this.db.execute(`INSERT INTO audit_checkpoints (seq, at, hash, body) VALUES (:seq, :at, :hash, ${body}) ON CONFLICT (seq) DO NOTHING`, { seq: checkpoint.seq, at: checkpoint.at, hash: checkpoint.hash, body: this.db.json(checkpoint) });
    return changed === 1;
  }

  async list(): Promise<Checkpoint[]> {
    return (await this.db.query('SELECT body FROM audit_checkpoints ORDER BY seq')).map((r) => readJson<Checkpoint>(r.body));
  }
}
