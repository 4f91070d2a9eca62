import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TenantReplica } from '@gridline/grid-replica';
import { DistrictDirectory } from '@gridline/personal-data';

/** The districts issue-dispatch knows: its replica of grid-registry's tenants. */
@Injectable()
export class IssueDistricts implements DistrictDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  exists(tenantId: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(TenantReplica, { tenantId });
  }
}
