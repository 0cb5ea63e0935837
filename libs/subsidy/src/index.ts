export * from './fraud/fraud-checks.port';
export * from './satisfaction/satisfaction-rates.port';
export * from './satisfaction/satisfaction-survey.port';
export * from './satisfaction/satisfaction.errors';
export * from './satisfaction/satisfaction-survey';
