import { ackDeadline, completeAckWindows, defaultAckWindows } from './ack-policy';

describe('acknowledgement windows', () => {
  it('fills the levels a category does not name with the defaults', () => {
    const windows = completeAckWindows({ micro: 2, grid: 3 });
    expect(windows.micro).toBe(2);
    expect(windows.grid).toBe(3);
    expect(windows.street).toBe(defaultAckWindows.street);
  });

  it('puts the deadline the level window after the moment of dispatch', () => {
    const windows = completeAckWindows({ community: 90 });
    expect(ackDeadline(windows, 'community', new Date('2026-11-28T10:00:00Z')).toISOString()).toBe(
      '2026-11-28T10:01:30.000Z',
    );
  });
});
