export * from './deadline-record';
export * from './legal-periods';
export * from './deadline-planner';
export * from './calendar.service';
