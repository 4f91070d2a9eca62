/**
 * The skills a volunteer can offer. A catalogue, not free text: matching compares skills by name, so a typo at
 * registration ("frist-aid") would make a volunteer silently unmatchable. New skills are added here (and so in
 * GET /v1/skills) in one place.
 */
export const knownSkills = [
  'first-aid',
  'electrical',
  'plumbing',
  'tutoring',
  'elderly-care',
  'haircut',
  'ladder',
  'knife-grinding',
  'clinic',
  'lock-repair',
  'drain-clearing',
  'appliance-repair',
  'translation',
  'legal-advice',
  'psychological-support',
  'cooking',
  'cleaning',
  'driving',
  'computer-help',
  'childcare',
] as const;
export type SkillName = (typeof knownSkills)[number];

const known: ReadonlySet<string> = new Set(knownSkills);

export function isKnownSkill(skill: string): skill is SkillName {
  return known.has(skill);
}

/** Levels are 1-3; the named forms are accepted on input and mean the same numbers. */
export const namedSkillLevels = { basic: 1, skilled: 2, expert: 3 } as const;
export type NamedSkillLevel = keyof typeof namedSkillLevels;
export const MIN_SKILL_LEVEL = 1;
export const MAX_SKILL_LEVEL = 3;

/** The numeric level of a level given as 1-3 or as a name; null when it is neither. */
export function skillLevelOf(input: unknown): number | null {
  if (typeof input === 'number' && Number.isInteger(input) && input >= MIN_SKILL_LEVEL && input <= MAX_SKILL_LEVEL)
    return input;
  if (typeof input === 'string' && Object.prototype.hasOwnProperty.call(namedSkillLevels, input))
    return namedSkillLevels[input as NamedSkillLevel];
  return null;
}
