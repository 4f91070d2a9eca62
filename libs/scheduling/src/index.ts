export * from './durable-timer.entity';
export * from './durable-timer.tables';
export * from './durable-timers';
export * from './timer-poller';
export * from './scheduling.module';
