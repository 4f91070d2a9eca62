/** A district to create. */
export interface TenantToCreate {
  /** Slug: lowercase letters, digits or dashes. */
  readonly tenantId: string;
  /** The 6-digit administrative division code (二七区 = 410103). */
  readonly divisionCode: string;
  readonly name: string;
  readonly nameEn?: string;
}

export interface CreateTenantCommand {
  readonly tenant: TenantToCreate;
  readonly correlationId: string;
}
