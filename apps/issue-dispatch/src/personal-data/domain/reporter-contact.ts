/** A reporter's contact as the issue holds it; every field null once erased. */
export interface ReporterContact {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** The fields an answer showing this contact reveals — what the access log records. None once erased. */
export function revealedFields(contact: ReporterContact): string[] {
  return (['name', 'phone', 'email'] as const).filter((field) => contact[field] !== null && contact[field] !== '');
}

/**
 * Open311 extras with what identifies the reporter taken out (the app's device and account ids); the answers to
 * the service's attributes describe the problem, not the person, and stay.
 */
export function withoutReporterIds<T extends { readonly deviceId?: string; readonly accountId?: string }>(
  details: T,
): Omit<T, 'deviceId' | 'accountId'> {
  const { deviceId: _device, accountId: _account, ...rest } = details;
  return rest;
}
