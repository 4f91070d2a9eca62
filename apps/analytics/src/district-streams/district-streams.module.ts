import { Module } from '@nestjs/common';
import { DistrictStreamRouter } from './district-stream-router';

/**
 * Each district's own copy of the public streams, for district analytics teams (ADR 0023). Its own consumer group,
 * read with Kafka transactions rather than through an event server; the root leaves it out of a rebuild, which
 * must copy nothing.
 */
@Module({ providers: [DistrictStreamRouter] })
export class DistrictStreamsModule {}
