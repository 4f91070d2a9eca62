/** One matter seen on the day's round. */
export interface CheckInMatter {
  /** Free-text category, e.g. 环境卫生, 安全隐患, 邻里纠纷. */
  readonly category?: string;
  readonly description: string;
}

/** Who made the check-in: a member of the district, or a name (at least one of the two). */
export interface CheckInReporter {
  readonly memberId?: string;
  readonly name?: string;
}

/** A grid's daily check-in: 零上报 (nothing to report) or the matters seen. */
export interface GridCheckIn {
  /** Default: today in the district's time zone. Only today is accepted. */
  readonly date?: string;
  readonly nothingToReport: boolean;
  /** Required (non-empty) when nothingToReport is false; not allowed when true. */
  readonly matters?: readonly CheckInMatter[];
  readonly reportedBy: CheckInReporter;
}

export interface CheckInGridCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly checkIn: GridCheckIn;
  /** The verified caller (token subject), kept with the check-in for accountability. */
  readonly recordedBy: string;
  readonly correlationId: string;
  readonly now?: Date;
}
