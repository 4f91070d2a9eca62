import { parseCsv } from './csv';
import { ImportProblem, problemCollector } from './import-problem';
import { MemberImportContext, PlannedMember, planMemberImport } from './member-import-plan';

const header = 'grid_code,name,role,phone,note';
const led = { id: 'g-led', code: '410103001001000001', name: '47号院' };
const open = { id: 'g-open', code: '410103001001000002', name: '48号院' };
const context: MemberImportContext = {
  gridsByCode: new Map([
    [led.code, led],
    [open.code, open],
  ]),
  active: [
    { id: 'm-1', gridId: 'g-led', name: '刘鸣', role: 'leader' },
    { id: 'm-2', gridId: 'g-led', name: '王芳', role: 'worker' },
  ],
};

function plan(lines: string[]): { planned: PlannedMember[] | null; problems: ImportProblem[] } {
  const { problems, report } = problemCollector();
  return { planned: planMemberImport(parseCsv([header, ...lines].join('\n')).records, context, report), problems };
}

describe('planMemberImport', () => {
  it('adds new members, and leaves an active membership with the same grid, name and role unchanged', () => {
    const { planned, problems } = plan([
      `${led.code},王芳,worker,,`,
      `${open.code},段秋,leader,13800000009,楼长`,
      `${led.code},王芳,volunteer,,`,
    ]);
    expect(problems).toEqual([]);
    expect(planned!.map((p) => p.action)).toEqual([
      { kind: 'unchanged', memberId: 'm-2' },
      { kind: 'create' },
      { kind: 'create' },
    ]);
    expect(planned![1]).toMatchObject({ gridId: 'g-open', role: 'leader', phone: '13800000009', note: '楼长' });
  });

  it('reports every problem with its line and column, including a second leader of a grid', () => {
    const { problems } = plan([
      `${led.code},新人,leader,,`, // 2: the grid has a leader
      `${open.code},甲,leader,,`, // 3: fine
      `${open.code},乙,leader,,`, // 4: a second leader for the same grid in the file
      `${open.code},丙,chief,,`, // 5: unknown role
      `999,丁,worker,,`, // 6: unknown grid
      `${open.code},戊,worker,call me,`, // 7: bad phone
      `${open.code},,worker,,`, // 8: missing name
      `${open.code},甲,leader,,`, // 9: same membership as line 3
    ]);
    expect(problems.map(({ line, field }) => `${line}:${field}`)).toEqual([
      '2:role',
      '4:role',
      '5:role',
      '6:grid_code',
      '7:phone',
      '8:name',
      '9:name',
    ]);
    expect(problems[0].reason).toContain('刘鸣');
    expect(problems[2].reason).toContain('leader, worker, party-hub');
  });
});
