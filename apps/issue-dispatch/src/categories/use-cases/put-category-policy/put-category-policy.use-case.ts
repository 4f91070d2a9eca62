import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { PlatformErrors } from '@gridline/platform';
import { definitionProblems, Open311AttributeDefinition } from '../../../intake/domain/open311-attributes';
import { CategoryPolicies } from '../../category-policies';
import { CategoryPolicy } from '../../category-policy.entity';
import { Open311AttributeInput, PutCategoryPolicyCommand } from './put-category-policy.command';

/** A definition as stored: no optional part left undefined, so the Open311 document always has every field. */
function definitionOf(input: Open311AttributeInput): Open311AttributeDefinition {
  return {
    code: input.code,
    datatype: input.datatype,
    required: input.required,
    description: input.description,
    datatypeDescription: input.datatypeDescription ?? null,
    order: input.order,
    values: (input.values ?? []).map(({ key, name }) => ({ key, name })),
    ...(input.maxLength !== undefined ? { maxLength: input.maxLength } : {}),
  };
}

/**
 * Creates or replaces a district's issue category with its acknowledgement and resolve windows and the questions
 * Open311 apps ask for it; a level the body leaves out uses the default, attributes left out the common ones.
 * Putting the same body twice leaves one row.
 */
@Injectable()
export class PutCategoryPolicyUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
    private readonly policies: CategoryPolicies,
  ) {}

  async execute({ tenantId, code, policy }: PutCategoryPolicyCommand): Promise<CategoryPolicy> {
    await this.grids.requireTenant(tenantId);
    const open311Attributes = policy.open311Attributes ? policy.open311Attributes.map(definitionOf) : null;
    const problems = open311Attributes ? definitionProblems(open311Attributes) : [];
    if (problems.length > 0) throw PlatformErrors.VALIDATION_FAILED(problems);
    const named = (windows: object | undefined) =>
      Object.fromEntries(Object.entries(windows ?? {}).filter(([, v]) => v !== undefined));
    await this.dataSource.manager.upsert(
      CategoryPolicy,
      {
        tenantId,
        code,
        name: policy.name,
        ackWithinSeconds: named(policy.ackWithinSeconds),
        resolveWithinSeconds: named(policy.resolveWithinSeconds),
        open311Attributes,
      },
      ['tenantId', 'code'],
    );
    this.policies.forget(tenantId, code);
    // Read back for the updated_at the database set.
    return this.dataSource.manager.findOneByOrFail(CategoryPolicy, { tenantId, code });
  }
}
