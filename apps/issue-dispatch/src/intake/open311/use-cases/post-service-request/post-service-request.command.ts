import type { Open311ApiKey } from '../../open311-api-key.entity';

/**
 * Open311 GeoReport v2's POST requests.json form, in its own field names, checked for shape only: its content
 * is checked by the rules of our REST report after mapping (open311-report.mapper.ts).
 */
export interface Open311RequestForm {
  /** The district (tenant) id. */
  readonly jurisdiction_id: string;
  /** Never part of what an Idempotency-Key retry is compared by. */
  readonly api_key?: string;
  readonly service_code: string;
  /** WGS84, as text; both or neither. */
  readonly lat?: string;
  readonly long?: string;
  readonly address_string?: string;
  /** A place id of the district's register. */
  readonly address_id?: string;
  readonly description?: string;
  readonly media_url?: string;
  readonly email?: string;
  readonly first_name?: string;
  readonly last_name?: string;
  readonly phone?: string;
  readonly device_id?: string;
  readonly account_id?: string;
  /** Answers to the service's attributes, `attribute[CODE]=value`. */
  readonly attribute?: Readonly<Record<string, unknown>>;
}

export interface PostServiceRequestCommand {
  readonly form: Open311RequestForm;
  /** The civic app posting, already checked to hold a key of this jurisdiction (Open311AccessGuard). */
  readonly app: Open311ApiKey;
  readonly idempotencyKey: string | undefined;
  readonly correlationId: string;
}
