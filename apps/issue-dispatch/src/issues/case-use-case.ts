import { Injectable } from '@nestjs/common';
import { CaseClocks } from './case-clocks';
import { CaseWorkflow } from './case-workflow';

/**
 * What every case-loop use case stands on: the workflow that runs an action (lock, check, record, announce) and
 * the case's clocks. A use case adds only what its action does.
 */
@Injectable()
export abstract class CaseUseCase {
  constructor(
    protected readonly workflow: CaseWorkflow,
    protected readonly clocks: CaseClocks,
  ) {}
}
