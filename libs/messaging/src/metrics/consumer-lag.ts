export interface PartitionLag {
  readonly partition: number;
  readonly lag: number;
}

/**
 * Messages a group has yet to read on each partition: high watermark minus committed offset. A partition the
 * group never committed on (offset -1) counts from the earliest offset still retained, since a group that
 * starts from the beginning has all of it to read.
 */
export function consumerLagOf(
  partitions: ReadonlyArray<{ partition: number; high: string; low: string }>,
  committed: ReadonlyArray<{ partition: number; offset: string }>,
): PartitionLag[] {
  const committedBy = new Map(committed.map((c) => [c.partition, Number(c.offset)]));
  return partitions.map(({ partition, high, low }) => {
    const offset = committedBy.get(partition) ?? -1;
    const from = offset < 0 ? Number(low) : offset;
    return { partition, lag: Math.max(0, Number(high) - from) };
  });
}
