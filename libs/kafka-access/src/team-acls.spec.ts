import { allTopics } from '@gridline/contracts';
import { teamAcls } from './team-acls';

describe('analytics team ACLs', () => {
  it('lets a city team read every public topic and nothing INTERNAL, and write nothing', () => {
    const acls = teamAcls({ team: 'city-lab' }, '');
    const readTopics = acls
      .filter((a) => a.resourceType === 'topic' && a.operation === 'read')
      .map((a) => a.resourceName);
    expect(readTopics.sort()).toEqual(
      allTopics
        .filter((t) => t.public)
        .map((t) => t.name)
        .sort(),
    );
    expect(readTopics.some((name) => name.endsWith('.dlq'))).toBe(false);
    expect(acls.filter((a) => a.operation === 'write')).toEqual([]);
  });

  it("lets a district team read only its district's topics, by prefix", () => {
    const acls = teamAcls({ team: 'erqi-office', district: 'erqi' }, 'p.');
    expect(acls.filter((a) => a.resourceType === 'topic')).toEqual([
      {
        principal: 'User:team-erqi-office',
        resourceType: 'topic',
        patternType: 'prefixed',
        resourceName: 'p.gridline.district.erqi.',
        operation: 'describe',
      },
      {
        principal: 'User:team-erqi-office',
        resourceType: 'topic',
        patternType: 'prefixed',
        resourceName: 'p.gridline.district.erqi.',
        operation: 'read',
      },
    ]);
  });

  it('confines a team to consumer groups named after it', () => {
    expect(teamAcls({ team: 'city-lab' }, '').filter((a) => a.resourceType === 'group')).toEqual([
      {
        principal: 'User:team-city-lab',
        resourceType: 'group',
        patternType: 'prefixed',
        resourceName: 'team-city-lab.',
        operation: 'read',
      },
    ]);
  });

  it('refuses names that could reach into another principal or district', () => {
    expect(() => teamAcls({ team: 'A*' }, '')).toThrow('team name');
    expect(() => teamAcls({ team: 'lab', district: 'erqi.' }, '')).toThrow('not a district id');
  });
});
