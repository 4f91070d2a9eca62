/**
 * Which of a district's requests a civic app asks for. The names are Open311 GeoReport v2's own (this use case is
 * that door), and the values its comma-separated lists, already checked for form.
 */
export interface ServiceRequestSearch {
  /** The district (tenant) id. */
  readonly jurisdiction_id: string;
  /** Comma-separated ids; when given, the other filters are ignored. */
  readonly service_request_id?: string;
  /** Comma-separated service (category) codes. */
  readonly service_code?: string;
  /** W3C date-times; default the 90 days before end_date, which defaults to now. */
  readonly start_date?: string;
  readonly end_date?: string;
  /** `open`, `closed` or `open,closed`. */
  readonly status?: string;
}
