export * from './domain-error';
export * from './clock';
export * from './roles';
export * from './canonical-json';
export * from './identity-number';
export * from './change-feed';
export * from './console-path';
export * from './on-first-use';
