import { defineEntity, p } from '@mikro-orm/core';

/**
 * A signed-in person's session in the console (migration web_session). `connect-pg-simple` reads and
 * writes it; nothing else does. `sess` holds the caller and when they signed in.
 */
export const WebSessionRecord = defineEntity({
  name: 'WebSessionRecord',
  tableName: 'web_session',
  properties: {
    sid: p.text().primary(),
    sess: p.json<Record<string, unknown>>(),
    expire: p.datetime().length(6).index('web_session_expire_idx'),
  },
});
export type WebSessionRecord = InstanceType<typeof WebSessionRecord.class>;
