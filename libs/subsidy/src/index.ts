export * from './fraud/fraud-checks.port';
export * from './satisfaction/satisfaction-rates.port';
