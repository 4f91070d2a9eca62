import { dedicatedKinds, type GridLevel, gridLevels } from '@gridline/contracts';
import type { DedicatedKind } from '../../grids/domain/dedicated-kind';
import { checkPlacement } from '../../grids/domain/grid-tree-rules';
import type { CsvRecord } from './csv';
import { type CsvRow, readCsvTable } from './csv-table';
import { byLine, type ImportProblem, type Report } from './import-problem';

/** The columns of a grid import file; the first four are required. */
export const gridImportColumns = [
  'ref',
  'parent_ref',
  'level',
  'name',
  'dedicated',
  'addresses',
  'leader_name',
  'leader_phone',
] as const;
const requiredColumns = ['ref', 'parent_ref', 'level', 'name'] as const;
type Column = (typeof gridImportColumns)[number];

const MAX_ADDRESSES = 50;
const phonePattern = /^\+?[0-9 -]{5,20}$/;

/** What the district holds now, as far as an import needs it: its active grids and their address claims. */
export interface ExistingGrid {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: GridLevel;
  readonly code: string;
  readonly name: string;
  readonly dedicated: string | null;
  readonly addresses: readonly string[];
}

export interface ExistingTree {
  readonly grids: readonly ExistingGrid[];
  /** Address claims by level: `${level}\u0000${address}` -> holder. */
  readonly claims: ReadonlyMap<string, { gridId: string; holder: string }>;
}

/** Where a planned grid hangs: under another row of the file, under an existing grid, or at the top (a street). */
export type PlannedParent =
  { readonly kind: 'row'; readonly ref: string } | { readonly kind: 'grid'; readonly gridId: string } | null;

export interface PlannedGrid {
  readonly line: number;
  readonly ref: string;
  readonly parent: PlannedParent;
  readonly level: GridLevel;
  readonly name: string;
  readonly dedicated: DedicatedKind | null;
  readonly addresses: string[];
  readonly leader: { name: string; phone?: string } | null;
  /** `create`, or `unchanged` with the existing grid the row already describes. */
  readonly action: { readonly kind: 'create' } | { readonly kind: 'unchanged'; readonly gridId: string };
}

export type ImportPlan =
  { readonly ok: true; readonly grids: PlannedGrid[] } | { readonly ok: false; readonly problems: ImportProblem[] };

interface Row {
  readonly line: number;
  readonly ref: string;
  readonly parentRef: string;
  readonly level: GridLevel | null;
  readonly name: string;
  readonly dedicated: DedicatedKind | null;
  readonly addresses: string[];
  readonly leader: { name: string; phone?: string } | null;
}

export function claimKey(level: string, address: string): string {
  return `${level}\u0000${address}`;
}

function sameAddresses(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

/**
 * Validates a whole grid import file against the district's current tree and plans it: every problem of every
 * row is collected (never only the first), and a file with any problem plans nothing. A row whose parent and
 * name match an active grid of the tree is that grid: unchanged when level, dedicated kind and addresses agree,
 * a problem otherwise (an import adds grids, it does not edit them). Planned grids come parents first.
 */
export function planGridImport(records: readonly CsvRecord[], tree: ExistingTree): ImportPlan {
  const problems: ImportProblem[] = [];
  const report: Report = (line, field, reason) => problems.push({ line, field, reason });

  const table = readCsvTable(records, gridImportColumns, requiredColumns, report);
  if (!table.ok) return table;
  const rows = table.rows.map((row) => readRow(row, report));

  // Refs: the file's own ids. A repeated ref is a problem on the later line; the first one stands.
  const byRef = new Map<string, Row>();
  for (const row of rows) {
    if (row.ref === '') continue;
    const first = byRef.get(row.ref);
    if (first) report(row.line, 'ref', `duplicate ref ${row.ref} (first on line ${first.line})`);
    else byRef.set(row.ref, row);
  }

  const gridsByCode = new Map(tree.grids.map((g) => [g.code, g]));
  const gridsById = new Map(tree.grids.map((g) => [g.id, g]));
  const childByName = new Map(tree.grids.map((g) => [`${g.parentId ?? ''}\u0000${g.name}`, g]));

  // Parents: a ref in the file wins over a code of the tree.
  const parentOf = new Map<Row, PlannedParent | undefined>();
  for (const row of rows) {
    if (row.parentRef === '') parentOf.set(row, null);
    else if (byRef.has(row.parentRef)) parentOf.set(row, { kind: 'row', ref: row.parentRef });
    else if (gridsByCode.has(row.parentRef))
      parentOf.set(row, { kind: 'grid', gridId: gridsByCode.get(row.parentRef)!.id });
    else {
      parentOf.set(row, undefined);
      report(
        row.line,
        'parent_ref',
        `${row.parentRef} is neither a ref in this file nor the code of an active grid of the district`,
      );
    }
  }

  // Cycles among refs: walk each chain of row parents; a chain that comes back to a row on it is a cycle.
  const depth = new Map<Row, number>();
  const inCycle = new Set<Row>();
  for (const start of rows) {
    const chain: Row[] = [];
    let row: Row | undefined = start;
    while (row && !depth.has(row) && !inCycle.has(row)) {
      const at = chain.indexOf(row);
      if (at >= 0) {
        const cycle = chain.slice(at);
        for (const member of cycle) {
          inCycle.add(member);
          report(member.line, 'parent_ref', `cycle among refs: ${[...cycle, cycle[0]].map((r) => r.ref).join(' -> ')}`);
        }
        break;
      }
      chain.push(row);
      const parent = parentOf.get(row);
      row = parent?.kind === 'row' ? byRef.get(parent.ref) : undefined;
    }
    // Depths from the top of each chain down, so planned grids can be ordered parents first.
    for (let k = chain.length - 1; k >= 0; k -= 1) {
      const member = chain[k];
      if (inCycle.has(member) || depth.has(member)) continue;
      const parent = parentOf.get(member);
      const parentRow = parent?.kind === 'row' ? byRef.get(parent.ref) : undefined;
      depth.set(member, parentRow ? (depth.get(parentRow) ?? 0) + 1 : 0);
    }
  }

  const ordered = rows
    .filter((row) => !inCycle.has(row) && byRef.get(row.ref) === row)
    .sort((a, b) => depth.get(a)! - depth.get(b)! || a.line - b.line);
  const matched = new Map<Row, ExistingGrid | null>();
  const siblings = new Map<string, Row>();
  const addressLines = new Map<string, number>();
  const planned: PlannedGrid[] = [];

  for (const row of ordered) {
    const parent = parentOf.get(row);
    if (parent === undefined) continue;
    const parentRow = parent?.kind === 'row' ? byRef.get(parent.ref)! : null;
    const parentGrid =
      parent?.kind === 'grid' ? gridsById.get(parent.gridId)! : parentRow ? (matched.get(parentRow) ?? null) : null;
    const parentLevel = parent === null ? null : parentRow ? parentRow.level : parentGrid!.level;

    if (row.level && (parent === null || parentLevel)) {
      const placement = checkPlacement(row.level, parentLevel);
      if (!placement.allowed) report(row.line, parent === null ? 'parent_ref' : 'level', placement.reason);
    }

    // Siblings are keyed by the parent's identity: an existing grid's id, or the parent row when it is new.
    const parentKey = parent === null ? 'top' : parentGrid ? `grid:${parentGrid.id}` : `ref:${parentRow!.ref}`;
    if (row.name !== '') {
      const sibling = siblings.get(`${parentKey}\u0000${row.name}`);
      if (sibling)
        report(row.line, 'name', `duplicate name ${row.name} under the same parent (also on line ${sibling.line})`);
      else siblings.set(`${parentKey}\u0000${row.name}`, row);
    }

    const parentIsKnown = parent === null || parentGrid !== null;
    const existing =
      parentIsKnown && row.name !== '' ? (childByName.get(`${parentGrid?.id ?? ''}\u0000${row.name}`) ?? null) : null;
    matched.set(row, existing);
    if (existing) {
      const differences = [
        row.level !== null && row.level !== existing.level ? `level ${existing.level}` : null,
        row.dedicated !== existing.dedicated ? `dedicated ${existing.dedicated ?? '(none)'}` : null,
        !sameAddresses(row.addresses, existing.addresses)
          ? `addresses ${existing.addresses.join(';') || '(none)'}`
          : null,
      ].filter((d): d is string => d !== null);
      if (differences.length > 0) {
        report(
          row.line,
          'name',
          `grid ${existing.name} (${existing.code}) already exists here with ${differences.join(', ')}; an import adds grids, it does not change them`,
        );
      }
    }

    if (row.level) {
      for (const address of row.addresses) {
        const key = claimKey(row.level, address);
        const firstLine = addressLines.get(key);
        if (firstLine !== undefined) {
          report(
            row.line,
            'addresses',
            `${address} is already given to another '${row.level}' grid on line ${firstLine}`,
          );
          continue;
        }
        addressLines.set(key, row.line);
        const claim = tree.claims.get(key);
        if (claim && claim.gridId !== existing?.id)
          report(row.line, 'addresses', `${address} is held by ${claim.holder}`);
      }
    }

    if (row.level) {
      planned.push({
        line: row.line,
        ref: row.ref,
        parent,
        level: row.level,
        name: row.name,
        dedicated: row.dedicated,
        addresses: row.addresses,
        leader: row.leader,
        action: existing ? { kind: 'unchanged', gridId: existing.id } : { kind: 'create' },
      });
    }
  }

  if (problems.length > 0) return { ok: false, problems: byLine(problems) };
  return { ok: true, grids: planned };
}

function readRow({ line, cell }: CsvRow<Column>, report: Report): Row {
  const ref = cell('ref');
  if (ref === '') report(line, 'ref', 'missing ref');
  else if (ref.length > 100) report(line, 'ref', 'longer than 100 characters');

  const levelText = cell('level');
  const level = (gridLevels as readonly string[]).includes(levelText) ? (levelText as GridLevel) : null;
  if (!level)
    report(
      line,
      'level',
      `${levelText === '' ? 'missing level' : `unknown level ${levelText}`}; expected one of ${gridLevels.join(', ')}`,
    );

  const name = cell('name');
  if (name === '') report(line, 'name', 'missing name');
  else if (name.length > 60) report(line, 'name', 'longer than 60 characters');

  const dedicatedText = cell('dedicated');
  const dedicated = (dedicatedKinds as readonly string[]).includes(dedicatedText)
    ? (dedicatedText as DedicatedKind)
    : null;
  if (dedicatedText !== '' && !dedicated)
    report(line, 'dedicated', `unknown kind ${dedicatedText}; expected one of ${dedicatedKinds.join(', ')} or empty`);

  const addressesText = cell('addresses');
  const addresses = addressesText === '' ? [] : addressesText.split(';').map((a) => a.trim());
  if (addresses.some((a) => a === '')) report(line, 'addresses', 'an empty address between semicolons');
  if (addresses.some((a) => a.length > 120)) report(line, 'addresses', 'an address longer than 120 characters');
  if (addresses.length > MAX_ADDRESSES) report(line, 'addresses', `more than ${MAX_ADDRESSES} addresses`);
  if (new Set(addresses).size !== addresses.length) report(line, 'addresses', 'an address appears twice in the row');

  const leaderName = cell('leader_name');
  const leaderPhone = cell('leader_phone');
  if (leaderName.length > 60) report(line, 'leader_name', 'longer than 60 characters');
  if (leaderPhone !== '' && leaderName === '') report(line, 'leader_name', 'a leader phone needs a leader name');
  if (leaderPhone !== '' && !phonePattern.test(leaderPhone))
    report(line, 'leader_phone', 'must be 5-20 digits, spaces or dashes, optionally after a +');
  const leader = leaderName === '' ? null : { name: leaderName, ...(leaderPhone === '' ? {} : { phone: leaderPhone }) };

  return {
    line,
    ref,
    parentRef: cell('parent_ref'),
    level,
    name,
    dedicated,
    addresses: addresses.filter((a) => a !== ''),
    leader,
  };
}
