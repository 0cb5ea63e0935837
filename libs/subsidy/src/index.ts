export * from './fraud/fraud-checks.port';
export * from './fraud/fraud-facts';
export * from './fraud/fraud-settings';
export * from './fraud/fraud-scoring';
export { partyKeys } from './fraud/same-dispute';
export { FraudChecksModule } from './fraud/fraud-checks.module';
export * from './satisfaction/satisfaction-rates.port';
