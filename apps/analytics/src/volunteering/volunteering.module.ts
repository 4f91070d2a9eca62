import { Module } from '@nestjs/common';
import { VolunteeringFactsProjector } from './volunteering-facts.projector';

/**
 * Volunteer registrations, task offers and unmatched issues as fact rows (raw SQL, no entities), which the summary
 * counts. Only a projection: it has no routes and nothing to export.
 */
@Module({ controllers: [VolunteeringFactsProjector] })
export class VolunteeringModule {}
