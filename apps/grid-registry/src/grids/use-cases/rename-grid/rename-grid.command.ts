/** What a rename changes: the new name, unique among the active grids under the same parent; none changes nothing. */
export interface GridRenaming {
  readonly name?: string;
}

export interface RenameGridCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly changes: GridRenaming;
  readonly correlationId: string;
}
