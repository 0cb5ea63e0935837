export * from './audit-entry';
export * from './chain-verifier';
export * from './audit-store.port';
export * from './queries/verify-audit.query';
export * from './audit.module';
