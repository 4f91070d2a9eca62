import { type MemberRole, memberRoles } from '@gridline/contracts';
import type { CsvRecord } from './csv';
import { readCsvTable } from './csv-table';
import type { Report } from './import-problem';

/** The columns of a member import file; grid_code, name and role are required. */
export const memberImportColumns = ['grid_code', 'name', 'role', 'phone', 'note'] as const;
const requiredColumns = ['grid_code', 'name', 'role'] as const;

const phonePattern = /^\+?[0-9 -]{5,20}$/;

export interface ActiveMembership {
  readonly id: string;
  readonly gridId: string;
  readonly name: string;
  readonly role: MemberRole;
}

export interface MemberImportContext {
  readonly gridsByCode: ReadonlyMap<string, { readonly id: string; readonly code: string; readonly name: string }>;
  /** The active memberships of the district (at least of the grids the file names). */
  readonly active: readonly ActiveMembership[];
}

export interface PlannedMember {
  readonly line: number;
  readonly gridId: string;
  readonly gridCode: string;
  readonly name: string;
  readonly role: MemberRole;
  readonly phone: string | null;
  readonly note: string | null;
  readonly action: { readonly kind: 'create' } | { readonly kind: 'unchanged'; readonly memberId: string };
}

const membershipKey = (gridId: string, name: string, role: string) => `${gridId}\u0000${name}\u0000${role}`;

/**
 * Validates a member import file with the rules of adding one member (POST …/members): a name, a known role, a
 * well-formed phone, an active grid of the district, at most one active leader per grid. A row matching an active
 * membership (grid, name, role) is that member, unchanged; the same membership twice in the file is a problem.
 * Returns null when the header refuses the file (reported).
 */
export function planMemberImport(
  records: readonly CsvRecord[],
  context: MemberImportContext,
  report: Report,
): PlannedMember[] | null {
  const table = readCsvTable(records, memberImportColumns, requiredColumns, report);
  if (!table.ok) {
    for (const { line, field, reason } of table.problems) report(line, field, reason);
    return null;
  }
  const existing = new Map(context.active.map((m) => [membershipKey(m.gridId, m.name, m.role), m]));
  const leaderOf = new Map(context.active.filter((m) => m.role === 'leader').map((m) => [m.gridId, m]));
  const seen = new Map<string, number>();
  const leaderLine = new Map<string, number>();
  const planned: PlannedMember[] = [];

  for (const { line, cell } of table.rows) {
    const gridCode = cell('grid_code');
    const grid = context.gridsByCode.get(gridCode);
    if (gridCode === '') report(line, 'grid_code', 'missing grid code');
    else if (!grid) report(line, 'grid_code', `${gridCode} is not the code of an active grid of the district`);

    const name = cell('name');
    if (name === '') report(line, 'name', 'missing name');
    else if (name.length > 60) report(line, 'name', 'longer than 60 characters');

    const roleText = cell('role');
    const role = (memberRoles as readonly string[]).includes(roleText) ? (roleText as MemberRole) : null;
    if (!role)
      report(
        line,
        'role',
        `${roleText === '' ? 'missing role' : `unknown role ${roleText}`}; expected one of ${memberRoles.join(', ')}`,
      );

    const phone = cell('phone');
    if (phone !== '' && !phonePattern.test(phone))
      report(line, 'phone', 'must be 5-20 digits, spaces or dashes, optionally after a +');
    const note = cell('note');
    if (note.length > 200) report(line, 'note', 'longer than 200 characters');

    if (!grid || !role || name === '') continue;
    const key = membershipKey(grid.id, name, role);
    const first = seen.get(key);
    if (first !== undefined) {
      report(line, 'name', `${name} is already a ${role} of grid ${grid.code} on line ${first}`);
      continue;
    }
    seen.set(key, line);
    const member = existing.get(key);
    if (!member && role === 'leader') {
      const leader = leaderOf.get(grid.id);
      const earlier = leaderLine.get(grid.id);
      if (leader)
        report(
          line,
          'role',
          `grid ${grid.name} (${grid.code}) already has a leader, ${leader.name}; replace them with PUT …/grids/${grid.id}/leader`,
        );
      else if (earlier !== undefined) report(line, 'role', `grid ${grid.code} gets its one leader on line ${earlier}`);
      else leaderLine.set(grid.id, line);
    }
    planned.push({
      line,
      gridId: grid.id,
      gridCode,
      name,
      role,
      phone: phone === '' ? null : phone,
      note: note === '' ? null : note,
      action: member ? { kind: 'unchanged', memberId: member.id } : { kind: 'create' },
    });
  }
  return planned;
}
