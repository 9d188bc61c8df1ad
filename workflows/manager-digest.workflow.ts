import { activities } from './activities';

export const MANAGER_DIGEST_WORKFLOW_TYPE = 'managerDigestWorkflow';

/**
 * The managers' daily digest, started by a Temporal Schedule each morning. The digest is keyed by team
 * and date, so a second run on the same day (a schedule catching up after an outage) sends nothing twice.
 */
export async function managerDigestWorkflow(): Promise<{ digests: number }> {
  const digests = await activities.compileManagerDigests({ asOf: new Date().toISOString() });
  for (const digest of digests) await activities.deliverNotice(digest);
  return { digests: digests.length };
}
