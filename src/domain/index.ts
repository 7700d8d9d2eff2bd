// The domain core's public surface: model, calendar, planner, drafts and the pressing-words check.
export * from './types';
export * from './model';
export * from './calendar';
export * from './contacts';
export * from './plan';
export * from './call-card';
export * from './drafts';
export * from './relative-date';
export * from './tone';
