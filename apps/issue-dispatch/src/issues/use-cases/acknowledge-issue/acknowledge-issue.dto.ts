import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';

export class AcknowledgeIssueDto {
  @ApiProperty({ example: 'member:刘鸣', description: 'Who acknowledges (until identities arrive, a free-text actor).' })
  @IsString()
  @Length(1, 100)
  actor: string;

  @ApiPropertyOptional({ description: 'The version the caller saw; a different current version is a 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
