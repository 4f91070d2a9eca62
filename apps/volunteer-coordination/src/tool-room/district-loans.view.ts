import { ApiProperty } from '@nestjs/swagger';

export class LoanedToolView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '电钻' }) name: string;
  @ApiProperty({ example: 'power-tool' }) kind: string;
}

/** A loan not yet returned, as the district sees it: the borrower by display name only, no subject or contact. */
export class DistrictLoanView {
  @ApiProperty({ format: 'uuid' }) loanId: string;
  @ApiProperty({ type: LoanedToolView }) tool: LoanedToolView;
  @ApiProperty({ description: 'The community whose tool room lent it.' }) toolRoomGridId: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '李阿姨',
    description: "The borrower's display name when they borrowed; null if their token carried none.",
  })
  borrowerName: string | null;
  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' }) dueAt: string;
  @ApiProperty({ example: 86400, description: '`asOf` minus `dueAt` in whole seconds; 0 while not yet due.' })
  overdueSeconds: number;
}

export class DistrictLoanPage {
  @ApiProperty({
    example: '2026-12-02T10:00:00.000Z',
    description: 'The instant the page was read; `overdue` and `overdueSeconds` are as of then.',
  })
  asOf: string;
  @ApiProperty({
    type: DistrictLoanView,
    isArray: true,
    description: 'Earliest due first (the longest overdue at the top).',
  })
  items: DistrictLoanView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `after` for the next page; null on the last.' })
  next: string | null;
}
