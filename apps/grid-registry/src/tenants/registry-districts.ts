import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DistrictDirectory } from '@gridline/personal-data';
import { Tenant } from './tenant.entity';

/** The districts grid-registry holds: its own tenants. */
@Injectable()
export class RegistryDistricts implements DistrictDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  exists(tenantId: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(Tenant, { tenantId });
  }
}
