import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { PutCategoryPolicyDto } from '../../category-policy.dto';
import { CategoryPolicy } from '../../category-policy.entity';

/**
 * Creates or replaces a district's issue category with its acknowledgement and resolve windows; a level the
 * body leaves out uses the default. Putting the same body twice leaves one row.
 */
@Injectable()
export class PutCategoryPolicyUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
  ) {}

  async execute(tenantId: string, code: string, body: PutCategoryPolicyDto): Promise<CategoryPolicy> {
    await this.grids.requireTenant(tenantId);
    const named = (windows: object | undefined) =>
      Object.fromEntries(Object.entries(windows ?? {}).filter(([, v]) => v !== undefined));
    await this.dataSource.manager.upsert(
      CategoryPolicy,
      {
        tenantId,
        code,
        name: body.name,
        ackWithinSeconds: named(body.ackWithinSeconds),
        resolveWithinSeconds: named(body.resolveWithinSeconds),
      },
      ['tenantId', 'code'],
    );
    // Read back for the updated_at the database set.
    return this.dataSource.manager.findOneByOrFail(CategoryPolicy, { tenantId, code });
  }
}
