/** What an issue category asks of a volunteer who helps with it. */
export interface HelpCategoryPolicy {
  /** The skill (from the catalogue) a volunteer needs to help with issues of this category. */
  readonly skill: string;
  /** The least skill level (1 basic, 2 skilled, 3 expert); default 1. */
  readonly minLevel?: number;
  /** Default false. */
  readonly certificateRequired?: boolean;
}
