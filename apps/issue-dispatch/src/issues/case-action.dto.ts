import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import type { CaseAction, ReasonedCaseAction, VersionedCaseAction } from './use-cases/case-action.command';

/** Every case action names the version of the case the caller saw; a stale one is a 409. */
export class VersionedCaseActionDto implements VersionedCaseAction {
  @ApiProperty({
    example: 3,
    description: 'The case version the caller saw; if the case has changed since, the answer is 409 VERSION_CONFLICT.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

/** The body of most case actions: the version and an optional note for the history. */
export class CaseActionDto extends VersionedCaseActionDto implements CaseAction {
  @ApiPropertyOptional({ example: '已到现场 — on site', description: 'Kept in the case history only.' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

/** A case action that must say why: return, manual escalation, parking, reassignment, extension. */
export class ReasonedCaseActionDto extends VersionedCaseActionDto implements ReasonedCaseAction {
  @ApiProperty({
    example: '不属于本网格 — not in our grid',
    description: 'Kept in the case history only (never on public topics).',
  })
  @IsString()
  @Length(1, 500)
  reason: string;
}
