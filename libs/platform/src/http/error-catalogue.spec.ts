import { Controller, HttpStatus, Put } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { ApiError } from './api-error';
import { ApiErrors, errorCatalogue } from './error-catalogue';

const GridErrors = errorCatalogue({
  GRID_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the grid does not exist in the district',
    message: (tenantId: string, gridId: string) => `grid ${gridId} does not exist in district ${tenantId}`,
  },
  GRID_RETIRED: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the grid is retired',
    message: (name: string) => ({
      message: `grid ${name} is retired`,
      details: [{ field: 'gridId', reason: 'retired' }],
    }),
  },
  DUPLICATE_GRID_NAME: { status: HttpStatus.CONFLICT, when: 'a sibling has the name', message: () => 'taken' },
});

describe('error catalogues', () => {
  it('builds the error a use case throws from its code, status and message', () => {
    const error = GridErrors.GRID_NOT_FOUND('erqi', 'g-1');
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.message, error.details]).toEqual([
      404,
      'GRID_NOT_FOUND',
      'grid g-1 does not exist in district erqi',
      [],
    ]);
    expect(GridErrors.GRID_RETIRED('北街').details).toEqual([{ field: 'gridId', reason: 'retired' }]);
  });

  it('refuses a code clients could not rely on', () => {
    expect(() => errorCatalogue({ gridMissing: { status: 404, when: '…', message: () => '…' } })).toThrow(
      'error code gridMissing is not UPPER_SNAKE_CASE',
    );
  });

  it('documents a route with one response per status, naming every code and when it happens', async () => {
    @Controller('grids')
    class GridRoutes {
      @Put(':gridId')
      @ApiErrors(GridErrors.GRID_RETIRED, GridErrors.GRID_NOT_FOUND, GridErrors.DUPLICATE_GRID_NAME)
      change(): void {}
    }
    const app = (await Test.createTestingModule({ controllers: [GridRoutes] }).compile()).createNestApplication({
      logger: false,
    });
    await app.init();
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    await app.close();
    const responses = document.paths['/grids/{gridId}'].put!.responses as Record<
      string,
      { description: string; content: unknown }
    >;
    expect(Object.keys(responses).sort()).toEqual(['404', '409', '422']);
    expect(responses['404']).toEqual({
      description: 'GRID_NOT_FOUND: the grid does not exist in the district',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorView' } } },
    });
    expect(responses['422'].description).toBe('GRID_RETIRED: the grid is retired');
    expect(document.components?.schemas?.ApiErrorView).toBeDefined();
  });
});
