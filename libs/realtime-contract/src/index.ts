export * from './rooms';
export * from './events';
export * from './progress';
