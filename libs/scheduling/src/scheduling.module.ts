import { Global, Module } from '@nestjs/common';
import { DurableTimers } from './durable-timers';
import { TimerMetrics } from './timer.metrics';
import { TimerPoller } from './timer-poller';

@Global()
@Module({ providers: [DurableTimers, TimerPoller, TimerMetrics], exports: [DurableTimers, TimerPoller] })
export class SchedulingModule {}
