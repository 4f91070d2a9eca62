/**
 * Where an import reports how far it is: a synchronous request ignores it, an import job writes it to its row
 * (outside the import's transaction, so it can be read while the transaction runs).
 */
export interface ImportProgress {
  /** Validation starts; the file has `total` rows (or features). */
  validating(total: number): void;
  /** The file is valid and is being applied. */
  applying(): void;
  /** `processed` rows are applied so far (in the open transaction: none is visible until it commits). */
  advanced(processed: number): void;
}

export const noProgress: ImportProgress = {
  validating: () => undefined,
  applying: () => undefined,
  advanced: () => undefined,
};
