export * from './normalise';
export * from './vectors';
export { clusterVectors, silhouette, type Clustering, type ClusterOptions } from './cluster';
export * from './model';
export * from './themes';
export * from './quality';
