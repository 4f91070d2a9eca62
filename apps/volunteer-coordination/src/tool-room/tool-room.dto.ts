import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsInstant } from '@gridline/platform';
import { Tool, ToolLoan } from './tool.entity';
import type { ToolToAdd } from './use-cases/add-tool/add-tool.command';
import type { ToolLoanRequest } from './use-cases/lend-tool/lend-tool.command';
import type { ToolReturn } from './use-cases/return-tool/return-tool.command';
import type { ToolConditionChange } from './use-cases/set-tool-condition/set-tool-condition.command';

const CONDITIONS = ['good', 'worn', 'broken'] as const;

export class AddToolDto implements ToolToAdd {
  @ApiProperty({ example: '人字梯 2m' })
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiProperty({ example: 'ladder', description: 'ladder, drill, lock-tool, drain-tool, …' })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'kind must be 2-40 lowercase letters, digits or dashes' })
  kind: string;

  @ApiPropertyOptional({ enum: CONDITIONS, default: 'good' })
  @IsOptional()
  @IsIn(CONDITIONS)
  condition?: (typeof CONDITIONS)[number];
}

export class SetConditionDto implements ToolConditionChange {
  @ApiProperty({ enum: CONDITIONS })
  @IsIn(CONDITIONS)
  condition: (typeof CONDITIONS)[number];
}

export class LendToolDto implements ToolLoanRequest {
  @ApiProperty({
    example: '2025-12-08T18:00:00+08:00',
    description: 'When it must be back: in the future, at most 30 days ahead.',
  })
  @IsInstant({ message: 'dueAt must be an ISO 8601 date-time' })
  dueAt: string;
}

export class ReturnToolDto implements ToolReturn {
  @ApiProperty({
    enum: CONDITIONS,
    description: 'The condition the tool came back in; broken takes it out of lending.',
  })
  @IsIn(CONDITIONS)
  condition: (typeof CONDITIONS)[number];
}

export class ToolView {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() gridId: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty({ enum: CONDITIONS }) condition: string;
  @ApiProperty({ description: 'In the room and not broken.' }) available: boolean;
  @ApiProperty({ nullable: true, type: String }) currentLoanId: string | null;
  @ApiProperty() addedAt: string;
}

export class ToolPage {
  @ApiProperty({ type: ToolView, isArray: true }) items: ToolView[];
  @ApiProperty({ nullable: true, type: String }) next: string | null;
}

export class ToolLoanView {
  @ApiProperty() id: string;
  @ApiProperty() toolId: string;
  @ApiProperty() gridId: string;
  @ApiProperty({ description: "The borrower's identity subject." }) borrowerSubject: string;
  @ApiProperty() lentAt: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ nullable: true, type: String }) returnedAt: string | null;
  @ApiProperty({ nullable: true, enum: CONDITIONS }) returnCondition: string | null;
  @ApiProperty() overdueReminders: number;
}

export class ToolLoanPage {
  @ApiProperty({ type: ToolLoanView, isArray: true }) items: ToolLoanView[];
  @ApiProperty({ nullable: true, type: String }) next: string | null;
}

export function toToolView(tool: Tool): ToolView {
  return {
    id: tool.id,
    tenantId: tool.tenantId,
    gridId: tool.gridId,
    name: tool.name,
    kind: tool.kind,
    condition: tool.condition,
    available: tool.currentLoanId === null && tool.condition !== 'broken',
    currentLoanId: tool.currentLoanId,
    addedAt: tool.addedAt.toISOString(),
  };
}

export function toLoanView(loan: ToolLoan): ToolLoanView {
  return {
    id: loan.id,
    toolId: loan.toolId,
    gridId: loan.gridId,
    borrowerSubject: loan.borrowerSubject,
    lentAt: loan.lentAt.toISOString(),
    dueAt: loan.dueAt.toISOString(),
    returnedAt: loan.returnedAt?.toISOString() ?? null,
    returnCondition: loan.returnCondition,
    overdueReminders: loan.overdueReminders,
  };
}
