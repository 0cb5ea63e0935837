import type { Checkpoint } from './checkpoint';

/** Signed checkpoints, kept beside the log so auditors can export them; their trust comes from the signature alone. */
export abstract class CheckpointStore {
  abstract latest(): Promise<Checkpoint | null>;
  /** Adds the checkpoint unless one with its seq exists (another engine process wrote it first); says which. */
  abstract append(checkpoint: Checkpoint): Promise<boolean>;
  abstract list(): Promise<Checkpoint[]>;
}
