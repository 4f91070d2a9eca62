import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';

export class ReporterDto {
  @ApiProperty({ example: '王女士' })
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiPropertyOptional({ example: '13800000000', description: 'Private: never published in events or public APIs.' })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be 5-20 digits' })
  phone?: string;
}

export class ReportIssueDto {
  @ApiProperty({ example: 'street-lighting', description: "One of the district's categories." })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'category must be lowercase words joined by dashes' })
  category: string;

  @ApiPropertyOptional({ description: 'The grid the problem is in. Give this or `address`.' })
  @ValidateIf((dto: ReportIssueDto) => dto.address === undefined)
  @IsString({ message: 'gridId or address is required' })
  @Length(1, 64)
  gridId?: string;

  @ApiPropertyOptional({ example: '汝河路22号院', description: 'A registered courtyard or building; routes to the grid that holds it.' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  address?: string;

  @ApiProperty({ example: '楼道灯不亮 — the stairwell light is out' })
  @IsString()
  @Length(1, 2000)
  description: string;

  @ApiPropertyOptional({ enum: ['resident', 'patrol', 'visit'], default: 'resident' })
  @IsOptional()
  @IsIn(['resident', 'patrol', 'visit'])
  channel?: 'resident' | 'patrol' | 'visit';

  @ApiProperty({ type: ReporterDto })
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter: ReporterDto;
}

export class IssueView {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() category: string;
  @ApiProperty() state: string;
  @ApiProperty({ nullable: true, type: String }) holderGridId: string | null;
  @ApiProperty() holderLevel: string;
  @ApiProperty() originGridId: string;
  @ApiProperty() escalationDepth: number;
  @ApiProperty() critical: boolean;
  @ApiProperty({ nullable: true, type: String }) ackDeadline: string | null;
  @ApiProperty() reportedAt: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty() version: number;
}
