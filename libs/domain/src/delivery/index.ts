export * from './roadmap';
export * from './kpi';
