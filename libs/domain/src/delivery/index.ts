export * from './roadmap';
export * from './kpi';
export * from './practice';
