import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '../http/page-query';
import { TaskOffer } from './task-offer.entity';

export class ListOffersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the offer made for this issue.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  issueId?: string;

  @ApiPropertyOptional({ description: 'Only offers made to this volunteer.' })
  @IsOptional()
  @IsUUID('all', { message: 'volunteerId must be a UUID' })
  volunteerId?: string;
}

export class TaskOfferView {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() issueId: string;
  @ApiProperty() volunteerId: string;
  @ApiProperty() skill: string;
  @ApiProperty() issueGridId: string;
  @ApiProperty({ description: "The grid whose volunteer was chosen: the issue's own grid or its nearest ancestor with a match." })
  matchedGridId: string;
  @ApiProperty() offeredAt: string;
}

export class TaskOfferPage {
  @ApiProperty({ type: TaskOfferView, isArray: true }) items: TaskOfferView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `after` to read the next page; null on the last page.' })
  next: string | null;
}

export function toTaskOfferView(offer: TaskOffer): TaskOfferView {
  return {
    id: offer.id,
    tenantId: offer.tenantId,
    issueId: offer.issueId,
    volunteerId: offer.volunteerId,
    skill: offer.skill,
    issueGridId: offer.issueGridId,
    matchedGridId: offer.matchedGridId,
    offeredAt: offer.offeredAt.toISOString(),
  };
}
