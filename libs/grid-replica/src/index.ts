export * from './grid-replica.entities';
export * from './grid-replica.tables';
export * from './grid-replica.projector';
export * from './place-replica.entities';
export * from './place-replica.tables';
export * from './place-replica.projector';
export * from './grid-tree';
export * from './grid-replica.module';
