import { QueryFailedError } from 'typeorm';

/**
 * The name of the unique constraint or index a failed statement violated, or null for any other failure. Lets
 * a use case turn the database's last line of defence against races into the same 409 its checks give.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === '23505' ? (driverError.constraint ?? '') : null;
}
