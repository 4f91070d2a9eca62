import { ApiProperty } from '@nestjs/swagger';
import { issueFactStates } from './domain/issue-facts';

export class LevelCount {
  @ApiProperty({ description: 'Holder level (micro … city), or `unassigned`.' }) level: string;
  @ApiProperty() count: number;
}

export class CategoryCount {
  @ApiProperty() category: string;
  @ApiProperty() count: number;
}

export class LevelCategoryCount {
  @ApiProperty() level: string;
  @ApiProperty() category: string;
  @ApiProperty() count: number;
}

export class IssueCountsView {
  @ApiProperty() tenantId: string;
  @ApiProperty({ type: LevelCount, isArray: true, description: 'By the level of the current holder.' })
  byLevel: LevelCount[];
  @ApiProperty({ type: CategoryCount, isArray: true }) byCategory: CategoryCount[];
  @ApiProperty({ type: LevelCategoryCount, isArray: true }) byLevelAndCategory: LevelCategoryCount[];
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Acknowledged at least once.' }) acknowledged: number;
  @ApiProperty({ description: 'Issues escalated at least once.' }) escalated: number;
}

export class PathStopView {
  @ApiProperty() level: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for the district and city dispatch centres.' })
  gridId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the issue arrived at this holder.' }) at:
    string | null;
}

export class EscalationView {
  @ApiProperty() issueId: string;
  @ApiProperty() tenantId: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty() depth: number;
  @ApiProperty({ nullable: true, type: String }) currentLevel: string | null;
  @ApiProperty({ nullable: true, type: String }) currentGridId: string | null;
  @ApiProperty({ type: PathStopView, isArray: true, description: 'The dispatch grid, then one stop per escalation.' })
  path: PathStopView[];
  @ApiProperty() critical: boolean;
  @ApiProperty({ enum: issueFactStates }) state: string;
}
