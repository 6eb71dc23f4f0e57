/** The contract shared by the app, the self-hosted server and the cloud functions. */
export * from './errors';
export * from './entities';
export * from './actions';
export * from './campaign-file';
export * from './explain';
export * from './people';
export * from './photos';
export * from './tasks';
export * from './months';
export * from './reviews';
export * from './social';
