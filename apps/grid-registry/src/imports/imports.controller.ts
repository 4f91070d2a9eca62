import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { IsUUID } from 'class-validator';
import type { Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, CorrelationId, Permit, tenantRouteErrors } from '@gridline/platform';
import { TenantParams } from '../http/path-params';
import { TenantErrors } from '../tenants/tenant-errors';
import { GridErrors } from '../grids/grid-errors';
import { ImportErrors } from './import-errors';
import { ImportKind } from './import-job.entity';
import { ImportJobView } from './import-job.view';
import { ImportJobs } from './import-jobs';
import { ImportProgress } from './import-progress';
import { ImportCommandBase, ImportRunner } from './import-runner';
import { ImportQuery } from './import.query';
import {
  GeoJsonImportResultView,
  ImportResultView,
  MemberImportResultView,
  PlaceImportResultView,
} from './import-result.view';
import { ImportGeoJsonUseCase } from './use-cases/import-geojson/import-geojson.use-case';
import { ImportGridsUseCase } from './use-cases/import-grids/import-grids.use-case';
import { ImportMembersUseCase } from './use-cases/import-members/import-members.use-case';
import { ImportPlacesUseCase } from './use-cases/import-places/import-places.use-case';

const COMMON_RULES =
  'The whole file is validated first and every problem is reported (422 IMPORT_INVALID, details as {line, field, reason}); then everything ' +
  'is applied in one transaction through the same code as the single request, or nothing is. A row describing what the district already ' +
  'has is left unchanged, so re-importing a file changes nothing. At most 5 MB (413) and 10,000 rows. Small files are answered synchronously ' +
  '(200); for large ones send `async=true` (or `Prefer: respond-async`): 202 with an import job and its Location, then GET the job for ' +
  'status and progress and, at the end, the same result or problems.';

/** The responses every CSV import route shares. */
function csvImport(example: string, okType: unknown) {
  return applyDecorators(
    HttpCode(200),
    ApiConsumes('text/csv'),
    ApiBody({ schema: { type: 'string', example } }),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
    asyncImport(),
    ApiOkResponse({ type: okType as never }),
    ApiErrors(
      ...tenantRouteErrors,
      TenantErrors.TENANT_NOT_FOUND,
      ImportErrors.PAYLOAD_TOO_LARGE,
      ImportErrors.IMPORT_NOT_CSV,
      ImportErrors.IMPORT_INVALID,
      GridErrors.CONCURRENT_CHANGE,
    ),
  );
}

/** `?async=true` / `Prefer: respond-async`: the 202 answer with the job. */
function asyncImport() {
  return applyDecorators(
    ApiHeader({ name: 'Prefer', required: false, description: '`respond-async`: the same as `async=true`.' }),
    ApiAcceptedResponse({
      type: ImportJobView,
      description:
        'async: the import job (also in the Location header); the file is validated and applied in the background',
    }),
  );
}

function jsonText(body: unknown): string {
  if (typeof body !== 'string') throw ImportErrors.IMPORT_NOT_GEOJSON_MEDIA_TYPE();
  return body;
}

function csvText(body: unknown): string {
  if (typeof body !== 'string') throw ImportErrors.IMPORT_NOT_CSV();
  return body;
}

export class TenantImportJobParams extends TenantParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'jobId must be a UUID' })
  jobId: string;
}

/** The parts of a request every import route reads. */
interface ImportRequest {
  readonly tenantId: string;
  readonly query: ImportQuery;
  readonly prefer: string | undefined;
  readonly correlationId: string;
  readonly res: Response;
}

@ApiTags('imports')
@Controller('v1/tenants/:tenantId/imports')
export class ImportsController {
  constructor(
    private readonly importGrids: ImportGridsUseCase,
    private readonly importPlaces: ImportPlacesUseCase,
    private readonly importGeoJson: ImportGeoJsonUseCase,
    private readonly importMembers: ImportMembersUseCase,
    private readonly jobs: ImportJobs,
    private readonly runner: ImportRunner,
  ) {}

  /**
   * Runs the import as the request asks: synchronously (200 with the result), or as a job (202, Location of the
   * job) when asked with `async=true` or `Prefer: respond-async`.
   */
  private async run<T>(
    kind: ImportKind,
    request: ImportRequest,
    work: (command: ImportCommandBase, progress?: ImportProgress) => Promise<T>,
  ): Promise<T | ImportJobView> {
    const { tenantId, query, prefer, correlationId, res } = request;
    const prefersAsync = /(^|[,;\s])respond-async($|[,;\s])/i.test(prefer ?? '');
    const outcome = await this.runner.run(
      {
        kind,
        tenantId,
        dryRun: query.dryRun === 'true',
        correlationId,
        inBackground: query.async === 'true' || prefersAsync,
      },
      work,
    );
    if ('done' in outcome) return outcome.done;
    res.status(HttpStatus.ACCEPTED).location(`/v1/tenants/${tenantId}/imports/jobs/${outcome.started.jobId}`);
    if (prefersAsync) res.setHeader('Preference-Applied', 'respond-async');
    return outcome.started;
  }

  @Get('jobs/:jobId')
  @Permit('district-admin')
  @ApiOperation({
    summary:
      'An import job of the district: status (validating → applying → succeeded | failed), progress (processed of total) and, once finished, the result or every problem',
    description:
      'Any replica answers (the job is a row). A job of another district is 404, like one that does not exist.',
  })
  @ApiOkResponse({ type: ImportJobView })
  @ApiErrors(...tenantRouteErrors, ImportErrors.IMPORT_JOB_NOT_FOUND)
  job(@Param() { tenantId, jobId }: TenantImportJobParams): Promise<ImportJobView> {
    return this.jobs.get(tenantId, jobId);
  }

  @Post('grids')
  @Permit('district-admin')
  @csvImport(
    'ref,parent_ref,level,name,dedicated,addresses,leader_name,leader_phone\ns1,,street,淮河路街道,,,,',
    ImportResultView,
  )
  @ApiOperation({
    summary:
      "Import grids into the district's tree from CSV (district administrator); `dryRun=true` only validates and counts",
    description:
      'Columns: ref,parent_ref,level,name,dedicated,addresses,leader_name,leader_phone (the first four required). `parent_ref` is another ' +
      "row's ref or the code of an existing grid; addresses are separated by `;`. Each grid is created exactly as POST /grids creates one. " +
      'A row matching an active grid by parent and name is left unchanged. ' +
      COMMON_RULES,
  })
  grids(
    @Param() { tenantId }: TenantParams,
    @Query() query: ImportQuery,
    @Body() body: unknown,
    @CorrelationId() correlationId: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResultView | ImportJobView> {
    const csv = csvText(body);
    return this.run('grids', { tenantId, query, prefer, correlationId, res }, (command, progress) =>
      this.importGrids.execute({ ...command, csv }, progress),
    );
  }

  @Post('places')
  @Permit('district-admin')
  @csvImport(
    'ref,parent_ref,grid_code,kind,name,address,lon,lat\ny1,,410103001001001001,courtyard,汝河路22号院,汝河路22号院,113.6203,34.7466',
    PlaceImportResultView,
  )
  @ApiOperation({
    summary: 'Import places (courtyards, buildings, stairwells, points of interest) from CSV (district administrator)',
    description:
      'Columns: ref,parent_ref,grid_code,kind,name,address,lon,lat (grid_code, kind, name and address required). `grid_code` is the code of an ' +
      "active grid of the district; `parent_ref` is another row's ref or the address of a registered place; lon and lat go together. Each " +
      'place is registered exactly as POST /places registers one (kinds and parent kinds, address normalised and unique in the district, point ' +
      'within the grid boundary). A row whose normalised address is already registered in the same grid is left unchanged; in another grid it ' +
      'is a problem. ' +
      COMMON_RULES,
  })
  places(
    @Param() { tenantId }: TenantParams,
    @Query() query: ImportQuery,
    @Body() body: unknown,
    @CorrelationId() correlationId: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlaceImportResultView | ImportJobView> {
    const csv = csvText(body);
    return this.run('places', { tenantId, query, prefer, correlationId, res }, (command, progress) =>
      this.importPlaces.execute({ ...command, csv }, progress),
    );
  }

  @Post('members')
  @Permit('district-admin')
  @csvImport(
    'grid_code,name,role,phone,note\n410103001001001001,王芳,worker,13800000000,3号楼一单元',
    MemberImportResultView,
  )
  @ApiOperation({
    summary: 'Import people and their roles per grid from CSV (district administrator)',
    description:
      'Columns: grid_code,name,role,phone,note (the first three required). role is one of leader, worker, party-hub, property, merchant, ' +
      'volunteer. Each member is added exactly as POST …/grids/{gridId}/members adds one: at most one active leader per grid (a second is a ' +
      'problem; replace a leader with PUT …/leader), phones kept private (internal member-contacts topic only). A row matching an active ' +
      'membership (grid, name, role) is left unchanged. ' +
      COMMON_RULES,
  })
  members(
    @Param() { tenantId }: TenantParams,
    @Query() query: ImportQuery,
    @Body() body: unknown,
    @CorrelationId() correlationId: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MemberImportResultView | ImportJobView> {
    const csv = csvText(body);
    return this.run('members', { tenantId, query, prefer, correlationId, res }, (command, progress) =>
      this.importMembers.execute({ ...command, csv }, progress),
    );
  }

  @Post('geojson')
  @HttpCode(200)
  @Permit('district-admin')
  @ApiOperation({
    summary: 'Import grid boundaries and places from a GeoJSON FeatureCollection (district administrator)',
    description:
      "Polygon/MultiPolygon features with `properties.grid_code` set that grid's boundary, validated as PUT …/boundary validates it (the same " +
      'boundary again is unchanged). Point features with `properties` kind, name, address, grid_code and optional parent_address (another ' +
      "feature's address or a registered place's) register places as POST /places does; a point is checked against the boundary its grid has " +
      'after this import. Boundaries are applied before places. **Problems name the feature: `line` is its index in `features` (0-based) and ' +
      '`field` the JSON path, e.g. `{line: 12, field: "features[12].geometry.coordinates[0]", reason}`.** A document that is not a ' +
      'FeatureCollection with features is 422 IMPORT_NOT_GEOJSON. ' +
      COMMON_RULES.replace('10,000 rows', '10,000 features'),
  })
  @ApiConsumes('application/geo+json', 'application/json')
  @ApiBody({
    schema: {
      type: 'object',
      example: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { grid_code: '410103001001001001' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [113.6, 34.7],
                  [113.61, 34.7],
                  [113.61, 34.71],
                  [113.6, 34.71],
                  [113.6, 34.7],
                ],
              ],
            },
          },
          {
            type: 'Feature',
            properties: {
              grid_code: '410103001001001001',
              kind: 'courtyard',
              name: '汝河路22号院',
              address: '汝河路22号院',
            },
            geometry: { type: 'Point', coordinates: [113.605, 34.705] },
          },
        ],
      },
    },
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @asyncImport()
  @ApiOkResponse({ type: GeoJsonImportResultView })
  @ApiErrors(
    ...tenantRouteErrors,
    TenantErrors.TENANT_NOT_FOUND,
    ImportErrors.PAYLOAD_TOO_LARGE,
    ImportErrors.IMPORT_NOT_GEOJSON_MEDIA_TYPE,
    ImportErrors.IMPORT_INVALID,
    ImportErrors.IMPORT_NOT_GEOJSON,
    GridErrors.CONCURRENT_CHANGE,
  )
  geojson(
    @Param() { tenantId }: TenantParams,
    @Query() query: ImportQuery,
    @Body() body: unknown,
    @CorrelationId() correlationId: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GeoJsonImportResultView | ImportJobView> {
    const geojson = jsonText(body);
    return this.run('geojson', { tenantId, query, prefer, correlationId, res }, (command, progress) =>
      this.importGeoJson.execute({ ...command, geojson }, progress),
    );
  }
}
