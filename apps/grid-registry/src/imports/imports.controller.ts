import { Body, Controller, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { correlationIdFrom, Permit } from '@gridline/platform';
import { ApiErrorView } from '../http/api-error.view';
import { TenantParams } from '../http/path-params';
import { ImportNotCsvError } from './import-errors';
import { ImportResultView } from './import-result.view';
import { ImportGridsQuery } from './use-cases/import-grids/import-grids.query';
import { ImportGridsUseCase } from './use-cases/import-grids/import-grids.use-case';

@ApiTags('imports')
@Controller('v1/tenants/:tenantId/imports')
export class ImportsController {
  constructor(private readonly importGrids: ImportGridsUseCase) {}

  @Post('grids')
  @HttpCode(200)
  @Permit('district-admin')
  @ApiOperation({
    summary: "Import grids into the district's tree from CSV (district administrator); `dryRun=true` only validates and counts",
    description:
      'Columns: ref,parent_ref,level,name,dedicated,addresses,leader_name,leader_phone (the first four required). `parent_ref` is another ' +
      "row's ref or the code of an existing grid; addresses are separated by `;`. The whole file is validated first and every problem is " +
      'reported as {line, field, reason}; then all new grids are created in one transaction, exactly as POST /grids creates one. A row ' +
      'matching an active grid by parent and name is left unchanged, so re-importing a file changes nothing. At most 5 MB and 10,000 rows; processed synchronously (30–40 s for 5,000 new rows).',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'ref,parent_ref,level,name,dedicated,addresses,leader_name,leader_phone\ns1,,street,淮河路街道,,,,' } })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOkResponse({ type: ImportResultView })
  @ApiForbiddenResponse({ type: ApiErrorView, description: 'not the district administrator' })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'TENANT_NOT_FOUND' })
  @ApiPayloadTooLargeResponse({ type: ApiErrorView, description: 'PAYLOAD_TOO_LARGE (over 5 MB)' })
  @ApiUnsupportedMediaTypeResponse({ type: ApiErrorView, description: 'IMPORT_NOT_CSV' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorView, description: 'IMPORT_INVALID: details lists every problem (at most 1,000) as {line, field, reason}' })
  async grids(
    @Param() { tenantId }: TenantParams,
    @Query() { dryRun }: ImportGridsQuery,
    @Body() body: unknown,
    @Headers('x-correlation-id') correlation: string | undefined,
  ): Promise<ImportResultView> {
    if (typeof body !== 'string') throw new ImportNotCsvError();
    return this.importGrids.execute({ tenantId, csv: body, dryRun: dryRun === 'true', correlationId: correlationIdFrom(correlation) });
  }
}
