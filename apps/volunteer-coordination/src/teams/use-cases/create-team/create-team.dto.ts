import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { TeamKind, teamKinds } from '../../team.entity';
import type { TeamToCreate } from './create-team.command';

export class CreateTeamDto implements TeamToCreate {
  @ApiProperty({ example: '黄河科技学院 社工2301班' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: teamKinds })
  @IsIn(teamKinds)
  kind: TeamKind;
}
