export * from './data-source';
export * from './db/db';
export * from './persistence.module';
export * from './stores/sql-webhook.store';
