import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CategoryPolicy } from './category-policy.entity';

/** A district's issue categories with their windows, as staff, residents and Open311 clients see them. */
@Injectable()
export class CategoriesReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** By code. */
  list(tenantId: string): Promise<CategoryPolicy[]> {
    return this.dataSource.manager.find(CategoryPolicy, { where: { tenantId }, order: { code: 'ASC' } });
  }

  exists(tenantId: string, code: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(CategoryPolicy, { tenantId, code });
  }

  find(tenantId: string, code: string): Promise<CategoryPolicy | null> {
    return this.dataSource.manager.findOneBy(CategoryPolicy, { tenantId, code });
  }
}
