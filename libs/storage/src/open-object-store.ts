import type { DocumentStoreConfig } from '../../config/src';
import { LocalFolderStore } from './local-folder-store';
import type { ObjectStore } from './object-store';
import { S3Store } from './s3-store';

export function openObjectStore(config: DocumentStoreConfig): ObjectStore {
  return config.kind === 'local' ? new LocalFolderStore(config.root) : new S3Store(config);
}
