import type { PlaceKind } from '@gridline/contracts';

/**
 * What may stand inside what: a building in a courtyard (院), a stairwell (单元) in a building, a point of
 * interest in a courtyard or a building. A courtyard stands on its own. Every kind may also have no parent.
 */
export const allowedParentKinds: Readonly<Record<PlaceKind, readonly PlaceKind[]>> = {
  courtyard: [],
  building: ['courtyard'],
  stairwell: ['building'],
  poi: ['courtyard', 'building'],
};

export type PlaceParentVerdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export function checkPlaceParent(kind: PlaceKind, parentKind: PlaceKind | null): PlaceParentVerdict {
  if (parentKind === null) return { allowed: true };
  const parents = allowedParentKinds[kind];
  if (parents.includes(parentKind)) return { allowed: true };
  if (parents.length === 0)
    return { allowed: false, reason: `a '${kind}' stands on its own and cannot be inside a '${parentKind}'` };
  return {
    allowed: false,
    reason: `a '${kind}' cannot be inside a '${parentKind}': it belongs in a ${parents.map((p) => `'${p}'`).join(' or ')}`,
  };
}
