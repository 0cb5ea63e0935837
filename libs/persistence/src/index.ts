export * from './data-source';
export * from './db/db';
export * from './persistence.module';
export * from './stores/sql-attachment.store';
export * from './stores/directory-attachment-contents';
export * from './stores/sql-webhook.store';
export * from './search/search-digests';
export * from './search/search-key-index';
