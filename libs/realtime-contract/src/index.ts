export * from './rooms';
export * from './events';
