import { Global, Module } from '@nestjs/common';
import { DurableTimers } from './durable-timers';
import { TimerPoller } from './timer-poller';

@Global()
@Module({ providers: [DurableTimers, TimerPoller], exports: [DurableTimers, TimerPoller] })
export class SchedulingModule {}
