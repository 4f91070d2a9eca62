import { ApiProperty } from '@nestjs/swagger';
import { Tenant } from './tenant.entity';

export class TenantView {
  @ApiProperty({ example: 'erqi' }) tenantId: string;
  @ApiProperty({ example: '410103', description: '6-digit administrative division code.' }) divisionCode: string;
  @ApiProperty({ example: '二七区' }) name: string;
  @ApiProperty({ example: 'Erqi District', nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export function toTenantView(tenant: Tenant): TenantView {
  return {
    tenantId: tenant.tenantId,
    divisionCode: tenant.divisionCode,
    name: tenant.name,
    nameEn: tenant.nameEn,
    version: tenant.version,
    createdAt: tenant.createdAt.toISOString(),
    updatedAt: tenant.updatedAt.toISOString(),
  };
}
