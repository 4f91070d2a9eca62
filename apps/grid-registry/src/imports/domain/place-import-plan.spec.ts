import type { BoundaryGeometry } from '@gridline/location';
import { parseCsv } from './csv';
import { ImportProblem, problemCollector } from './import-problem';
import { readPlaceCsv } from './place-csv';
import { ExistingPlace, PlaceImportContext, PlannedPlace, planPlaceImport } from './place-import-plan';

const header = 'ref,parent_ref,grid_code,kind,name,address,lon,lat';
const micro = { id: 'g-micro', code: '410103001001000001', name: '47号院' };
const other = { id: 'g-other', code: '410103001001000002', name: '48号院' };
const square: BoundaryGeometry = {
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
};
const registered: ExistingPlace = {
  id: 'p-47',
  gridId: 'g-micro',
  parentPlaceId: null,
  kind: 'courtyard',
  name: '47号院',
  address: '47号院',
  lon: null,
  lat: null,
};
const elsewhere: ExistingPlace = {
  id: 'p-48',
  gridId: 'g-other',
  parentPlaceId: null,
  kind: 'courtyard',
  name: '48号院',
  address: '48号院',
  lon: null,
  lat: null,
};
const context: PlaceImportContext = {
  gridsByCode: new Map([
    [micro.code, micro],
    [other.code, other],
  ]),
  gridsById: new Map([
    [micro.id, micro],
    [other.id, other],
  ]),
  placesByAddress: new Map([
    [registered.address, registered],
    [elsewhere.address, elsewhere],
  ]),
  boundaryOf: (gridId) => (gridId === micro.id ? square : null),
};

function plan(lines: string[]): { planned: PlannedPlace[]; problems: ImportProblem[] } {
  const { problems, report } = problemCollector();
  const rows = readPlaceCsv(parseCsv([header, ...lines].join('\n')).records, report);
  return { planned: rows ? planPlaceImport(rows, context, report) : [], problems };
}

const where = (problems: ImportProblem[]) => problems.map(({ line, field }) => `${line}:${field}`).sort();

describe('planPlaceImport', () => {
  it('plans courtyards before their buildings and stairwells, with normalised addresses, whatever the row order', () => {
    const { planned, problems } = plan([
      `s1,b1,${micro.code},stairwell,一单元,汝河路２２号院 1号楼 一单元,,`,
      `b1,y1,${micro.code},building,1号楼,汝河路22号院1号楼,,`,
      `y1,,${micro.code},courtyard,汝河路22号院,汝河路22号院,113.605,34.705`,
    ]);
    expect(problems).toEqual([]);
    expect(planned.map((p) => p.ref)).toEqual(['y1', 'b1', 's1']);
    expect(planned[0]).toMatchObject({
      gridId: micro.id,
      parent: null,
      point: { lon: 113.605, lat: 34.705 },
      action: { kind: 'create' },
    });
    expect(planned[2]).toMatchObject({ address: '汝河路22号院1号楼一单元', parent: { kind: 'row', ref: 'b1' } });
  });

  it('takes an existing place as parent by its address and leaves a place already registered in the same grid unchanged', () => {
    const { planned, problems } = plan([
      `,,${micro.code},courtyard,47号院,47号院,,`,
      `,47号院,${micro.code},building,2号楼,47号院2号楼,,`,
    ]);
    expect(problems).toEqual([]);
    expect(planned.map((p) => p.action)).toEqual([{ kind: 'unchanged', placeId: 'p-47' }, { kind: 'create' }]);
    expect(planned[1].parent).toEqual({ kind: 'place', placeId: 'p-47' });
  });

  it('reports every problem of every row with its line and column', () => {
    const { problems } = plan([
      `a,,${micro.code},tower,x,地址1,,`, // 2: unknown kind
      `b,,${micro.code},courtyard,,地址2,,`, // 3: missing name
      `c,,999,courtyard,c,地址3,,`, // 4: unknown grid
      `d,,${micro.code},courtyard,d,48号院,,`, // 5: address registered in another grid
      `e,,${micro.code},courtyard,e,地址5,120.0,30.0`, // 6: point outside the grid's boundary
      `f,,${micro.code},courtyard,f,地址6,113.605,`, // 7: lon without lat
      `g,y,${micro.code},courtyard,g,地址7,,`, // 8: unknown parent
      `h,,${micro.code},stairwell,h,地址8,,`, // 9: fine on its own
      `i,h,${micro.code},courtyard,i,地址9,,`, // 10: a courtyard inside a stairwell
      `j,,${micro.code},courtyard,j,地 址 1,,`, // 11: same normalised address as line 2
      `a,,${micro.code},courtyard,k,地址10,,`, // 12: duplicate ref
      `l,,${micro.code},building,47号院,47号院,,`, // 13: registered here with another kind
    ]);
    expect(where(problems)).toEqual(
      [
        '2:kind',
        '3:name',
        '4:grid_code',
        '5:address',
        '6:lon,lat',
        '7:lat',
        '8:parent_ref',
        '10:parent_ref',
        '11:address',
        '12:ref',
        '13:address',
      ].sort(),
    );
    expect(problems.find((p) => p.line === 5)!.reason).toContain('48号院 (410103001001000002)');
    expect(problems.find((p) => p.line === 13)!.reason).toContain('kind courtyard');
  });

  it('refuses a file without the required columns as a whole', () => {
    const collected = problemCollector();
    expect(readPlaceCsv(parseCsv('ref,kind,name,colour\nx,courtyard,x,red').records, collected.report)).toBeNull();
    expect(where(collected.problems)).toEqual(['1:address', '1:colour', '1:grid_code'].sort());
  });
});
