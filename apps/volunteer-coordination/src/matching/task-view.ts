import { ApiProperty } from '@nestjs/swagger';
import { TaskOfferView, toTaskOfferView } from './task-offer.dto';
import { TaskOffer } from './task-offer.entity';
import { VolunteerTask } from './volunteer-task.entity';

export class TaskView {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty({ enum: ['issue', 'request'] }) source: string;
  @ApiProperty({ nullable: true, type: String }) issueId: string | null;
  @ApiProperty() gridId: string;
  @ApiProperty() skill: string;
  @ApiProperty() minLevel: number;
  @ApiProperty() certificateRequired: boolean;
  @ApiProperty() needed: number;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({
    enum: ['open', 'filled', 'unfilled'],
    description: 'unfilled: nobody left to ask, the grid leader was told.',
  })
  state: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: TaskOfferView, isArray: true, description: 'Every offer of the task, oldest first.' })
  offers: TaskOfferView[];
}

export function toTaskView(task: VolunteerTask, offers: readonly TaskOffer[]): TaskView {
  return {
    id: task.id,
    tenantId: task.tenantId,
    source: task.source,
    issueId: task.issueId,
    gridId: task.gridId,
    skill: task.skill,
    minLevel: task.minLevel,
    certificateRequired: task.certificateRequired,
    needed: task.needed,
    startsAt: task.startsAt.toISOString(),
    endsAt: task.endsAt.toISOString(),
    state: task.state,
    note: task.note,
    createdAt: task.createdAt.toISOString(),
    offers: offers.map(toTaskOfferView),
  };
}
