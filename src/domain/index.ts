export * from './types';
export * from './model';
export * from './calendar';
export * from './plan';
