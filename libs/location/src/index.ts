export * from './geometry';
export * from './bbox';
export * from './ring-area';
export * from './point-in-polygon';
export * from './address-normalisation';
export * from './responsibility';
export * from './spatial-grid-index';
export * from './position-range';
