import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SearchAttributeType } from '@temporalio/common';
import { CASE_SEARCH_ATTRIBUTES } from '../../../workflows/search-attributes';
import { connectionOnly, type TemporalConnectionOptions } from './connection-options';

const INDEXED_TYPE: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.DATETIME]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};
const GRPC_ALREADY_EXISTS = 6;
const GRPC_UNIMPLEMENTED = 12;

/**
 * Registers the case search attributes on the namespace if they are missing. Run by the worker at
 * start, so any Temporal server the service is pointed at (dev server, cluster, test server) is ready
 * before the first case upserts them. Returns the names it added.
 */
export async function ensureCaseSearchAttributes(target: string | TemporalConnectionOptions, namespace: string): Promise<string[]> {
  const connection = await Connection.connect(typeof target === 'string' ? { address: target } : connectionOnly(target));
  try {
    const known = (await knownSearchAttributes(connection, namespace)) ?? new Set<string>();
    const toAdd = Object.values(CASE_SEARCH_ATTRIBUTES).filter((key) => !known.has(key.name));
    for (const key of toAdd) {
      // One at a time: a server that already has some answers ALREADY_EXISTS for the whole batch.
      try {
        await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: { [key.name]: INDEXED_TYPE[key.type]! } });
      } catch (error) {
        if ((error as { code?: number }).code !== GRPC_ALREADY_EXISTS) throw error;
      }
    }
    return toAdd.map((key) => key.name);
  } finally {
    await connection.close();
  }
}

/** The names the namespace knows, or undefined where the server cannot list them (the Java test server). */
async function knownSearchAttributes(connection: Connection, namespace: string): Promise<Set<string> | undefined> {
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    return new Set([...Object.keys(existing.customAttributes ?? {}), ...Object.keys(existing.systemAttributes ?? {})]);
  } catch (error) {
    if ((error as { code?: number }).code === GRPC_UNIMPLEMENTED) return undefined;
    throw error;
  }
}
