import { ApiProperty } from '@nestjs/swagger';

export class TeamView {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty() members: number;
  @ApiProperty() createdAt: string;
}
