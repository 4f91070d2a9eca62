import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '../http/page-query';
import { OfferStatus, offerStatuses } from './domain/offer-status';
import { TaskOffer } from './task-offer.entity';

export class ListOffersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the offers made for this issue.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  issueId?: string;

  @ApiPropertyOptional({ description: 'Only offers made to this volunteer.' })
  @IsOptional()
  @IsUUID('all', { message: 'volunteerId must be a UUID' })
  volunteerId?: string;

  @ApiPropertyOptional({ description: 'Only the offers of this task.' })
  @IsOptional()
  @IsUUID('all', { message: 'taskId must be a UUID' })
  taskId?: string;

  @ApiPropertyOptional({ enum: offerStatuses })
  @IsOptional()
  @IsIn(offerStatuses)
  status?: OfferStatus;
}

export class TaskOfferView {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() taskId: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for a direct request.' }) issueId: string | null;
  @ApiProperty() volunteerId: string;
  @ApiProperty() skill: string;
  @ApiProperty({ description: "The task's grid." }) issueGridId: string;
  @ApiProperty({ description: "The nearest grid of the task's lineage that holds the volunteer's home." })
  matchedGridId: string;
  @ApiProperty({ enum: offerStatuses }) status: OfferStatus;
  @ApiProperty() offeredAt: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt: string | null;
  @ApiProperty({ nullable: true, type: String }) checkedInAt: string | null;
  @ApiProperty({ nullable: true, type: String }) checkedOutAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
}

export class TaskOfferPage {
  @ApiProperty({ type: TaskOfferView, isArray: true }) items: TaskOfferView[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `after` to read the next page; null on the last page.',
  })
  next: string | null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toTaskOfferView(offer: TaskOffer): TaskOfferView {
  return {
    id: offer.id,
    tenantId: offer.tenantId,
    taskId: offer.taskId,
    issueId: offer.issueId,
    volunteerId: offer.volunteerId,
    skill: offer.skill,
    issueGridId: offer.issueGridId,
    matchedGridId: offer.matchedGridId,
    status: offer.status,
    offeredAt: offer.offeredAt.toISOString(),
    expiresAt: iso(offer.expiresAt),
    answeredAt: iso(offer.answeredAt),
    checkedInAt: iso(offer.checkedInAt),
    checkedOutAt: iso(offer.checkedOutAt),
    completedAt: iso(offer.completedAt),
  };
}
