import type { HolderLevel } from '../api/types';

/** One colour per holder level, shared by the map markers, the legend and the board's lane headers. */
export const levelColours: Record<HolderLevel, string> = {
  micro: '#2e7d32',
  grid: '#1565c0',
  community: '#6a1b9a',
  street: '#ef6c00',
  district: '#c62828',
  city: '#212121',
};
