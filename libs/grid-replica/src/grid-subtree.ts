/** A grid and its parent, as the replica holds them: enough to walk the tree either way. */
export interface GridLink {
  readonly gridId: string;
  readonly parentId: string | null;
}

/**
 * The grid and every grid below it (children, grandchildren, …), root first, each once. Pure: the caller loads the
 * district's links. A cycle in the links (which grid-registry never emits, but a replica mid-replay could hold for
 * a moment) cannot loop: a grid already taken is not walked again. An id that is not among the links gives just
 * itself.
 */
export function subtreeIds(rootId: string, links: readonly GridLink[]): string[] {
  const children = new Map<string, string[]>();
  for (const { gridId, parentId } of links) {
    if (parentId === null) continue;
    const siblings = children.get(parentId);
    if (siblings) siblings.push(gridId);
    else children.set(parentId, [gridId]);
  }
  const taken = new Set<string>([rootId]);
  const order = [rootId];
  for (let next = 0; next < order.length; next++) {
    for (const child of children.get(order[next]) ?? []) {
      if (taken.has(child)) continue;
      taken.add(child);
      order.push(child);
    }
  }
  return order;
}
