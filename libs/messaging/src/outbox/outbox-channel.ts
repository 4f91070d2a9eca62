/** The channel a service's outbox announces commits on: its relay LISTENs to it (one channel per schema). */
export function outboxChannelOf(schema: string): string {
  return `gridline_outbox_${schema}`;
}
