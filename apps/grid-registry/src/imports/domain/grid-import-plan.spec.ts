import { parseCsv } from './csv';
import { claimKey, ExistingGrid, ExistingTree, ImportPlan, planGridImport } from './grid-import-plan';
import { MAX_IMPORT_ROWS } from './import-problem';

const header = 'ref,parent_ref,level,name,dedicated,addresses,leader_name,leader_phone';
const street: ExistingGrid = {
  id: 'g-street',
  parentId: null,
  level: 'street',
  code: '410103001',
  name: '淮河路街道',
  dedicated: null,
  addresses: [],
};
const community: ExistingGrid = {
  id: 'g-comm',
  parentId: 'g-street',
  level: 'community',
  code: '410103001001',
  name: '金海社区',
  dedicated: null,
  addresses: [],
};
const micro: ExistingGrid = {
  id: 'g-micro',
  parentId: 'g-comm',
  level: 'micro',
  code: '410103001001000001',
  name: '47号院',
  dedicated: null,
  addresses: ['47号院'],
};
const tree: ExistingTree = {
  grids: [street, community, micro],
  claims: new Map([[claimKey('micro', '47号院'), { gridId: 'g-micro', holder: '47号院 (410103001001000001)' }]]),
};
const empty: ExistingTree = { grids: [], claims: new Map() };

function plan(lines: string[], existing: ExistingTree = tree): ImportPlan {
  return planGridImport(parseCsv([header, ...lines].join('\n')).records, existing);
}

function problemsOf(result: ImportPlan) {
  if (result.ok) throw new Error('expected problems');
  return result.problems.map(({ line, field }) => `${line}:${field}`);
}

describe('planGridImport', () => {
  it('plans a whole new branch parents first, whatever the order of the rows', () => {
    const result = plan(
      [
        'm1,g1,micro,汝河路22号院,,汝河路22号院;汝河路22号院2号楼,刘鸣,13800000010',
        'g1,c1,grid,第一网格,,,,',
        's1,,street,建中街街道,,,,',
        'c1,s1,community,长江社区,,,段秋,',
      ],
      empty,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.grids.map((g) => g.ref)).toEqual(['s1', 'c1', 'g1', 'm1']);
    expect(result.grids[0]).toMatchObject({ parent: null, level: 'street', action: { kind: 'create' } });
    expect(result.grids[3]).toMatchObject({
      parent: { kind: 'row', ref: 'g1' },
      addresses: ['汝河路22号院', '汝河路22号院2号楼'],
      leader: { name: '刘鸣', phone: '13800000010' },
    });
    expect(result.grids[1].leader).toEqual({ name: '段秋' });
  });

  it('attaches rows to an existing grid by its code and recognises rows the tree already holds as unchanged', () => {
    const result = plan([
      's,,street,淮河路街道,,,,',
      'c,s,community,金海社区,,,,',
      'm,c,micro,47号院,,47号院,,',
      'new,410103001001,micro,48号院,school,48号院,,',
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.grids.map((g) => [g.ref, g.action])).toEqual([
      ['s', { kind: 'unchanged', gridId: 'g-street' }],
      ['new', { kind: 'create' }],
      ['c', { kind: 'unchanged', gridId: 'g-comm' }],
      ['m', { kind: 'unchanged', gridId: 'g-micro' }],
    ]);
    expect(result.grids[1]).toMatchObject({ parent: { kind: 'grid', gridId: 'g-comm' }, dedicated: 'school' });
  });

  it('reports every bad row with its line and field, not only the first', () => {
    const result = plan([
      's1,,street,新街道,,,,', // 2 fine
      's1,,street,另一个,,,,', // 3 duplicate ref
      'c1,s1,community,,,,,', // 4 missing name
      'c2,s1,building,x,,,,', // 5 bad level
      'c3,nowhere,community,y,,,,', // 6 unknown parent
      'm1,s1,micro,z,,,,', // 7 micro under a street
      'c4,s1,community,同名,,,,', // 8 fine
      'c5,s1,community,同名,,,,', // 9 duplicate name under the same parent
      'm2,410103001001,micro,a,,47号院,,', // 10 address already taken
      'm3,410103001001,micro,b,,新地址,,', // 11 fine
      'm4,410103001001,micro,c,,新地址,,', // 12 address twice in the file
      'x1,x2,grid,p,,,,', // 13 cycle
      'x2,x1,grid,q,,,,', // 14 cycle
      'd1,s1,community,r,castle,,,', // 15 bad dedicated kind
      'd2,s1,community,t,,,,1380', // 16 phone without a name, bad phone
      'd3,s1,community', // 17 too few fields
    ]);
    expect(problemsOf(result)).toEqual([
      '3:ref',
      '4:name',
      '5:level',
      '6:parent_ref',
      '7:level',
      '9:name',
      '10:addresses',
      '12:addresses',
      '13:parent_ref',
      '14:parent_ref',
      '15:dedicated',
      '16:leader_name',
      '16:leader_phone',
      '17:row',
      '17:name',
    ]);
  });

  it('names an unknown column and a missing required one on the header line', () => {
    const result = planGridImport(parseCsv('ref,level,name,colour\nr,street,x,red').records, empty);
    expect(problemsOf(result)).toEqual(['1:colour', '1:parent_ref']);
  });

  it('refuses a row that matches an existing grid but describes it differently', () => {
    const result = plan(['m,410103001001,micro,47号院,,47号院;48号院,,']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { line: 2, field: 'name', reason: expect.stringContaining('already exists here with addresses 47号院') },
    ]);
  });

  it('reports a cycle with the refs on it', () => {
    const result = plan(['a,b,grid,A,,,,', 'b,c,grid,B,,,,', 'c,a,grid,C,,,,']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0].reason).toContain('a -> b -> c -> a');
    expect(result.problems).toHaveLength(3);
  });

  it(`refuses a file of more than ${MAX_IMPORT_ROWS} rows as a whole`, () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `s${i},,street,街道${i},,,,`);
    expect(problemsOf(plan(rows, empty))).toEqual([`${MAX_IMPORT_ROWS + 2}:file`]);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(problemsOf(planGridImport([], empty))).toEqual(['1:file']);
    expect(problemsOf(plan([], empty))).toEqual(['1:file']);
  });
});
