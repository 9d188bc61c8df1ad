export * from './local-folder-store';
export * from './object-store';
export * from './open-object-store';
export * from './s3-store';
export * from './sha256-stream';
export * from './verified-read';
export * from './object-store-token';
