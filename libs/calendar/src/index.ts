export * from './calendar-date';
export * from './zone-clock';
export * from './instant';
