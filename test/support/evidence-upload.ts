import type { TokenClaims } from '../../libs/auth/src';
import type { E2eWorld } from './e2e-world';
import { NORTH_OFFICER } from './service';

export interface SmallEvidence {
  readonly description: string;
  readonly providedBy: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly content: string;
  /** The incident it supports; the case's latest when not given. */
  readonly incidentId?: string;
  readonly providedOn?: string;
}

/** Uploads a small file of evidence as a browser's form would (the fields, then the file), to the case's latest incident unless told. */
export async function uploadEvidence(world: E2eWorld, reference: string, evidence: SmallEvidence, claims: TokenClaims = NORTH_OFFICER): Promise<{ status: number; body: any }> {
  const authorization = `Bearer ${await world.service.tokenFor(claims)}`;
  const incidentId =
    evidence.incidentId ?? ((await (await fetch(`${world.service.baseUrl}/cases/${reference}`, { headers: { authorization } })).json()) as { incidents: { id: string }[] }).incidents.at(-1)!.id;
  const form = new FormData();
  form.set('description', evidence.description);
  form.set('incidentId', incidentId);
  form.set('providedBy', evidence.providedBy);
  form.set('providedOn', evidence.providedOn ?? new Date().toISOString().slice(0, 10));
  form.set('file', new Blob([evidence.content], { type: evidence.contentType }), evidence.fileName);
  const response = await fetch(`${world.service.baseUrl}/cases/${reference}/evidence`, { method: 'POST', headers: { authorization }, body: form });
  return { status: response.status, body: await response.json() };
}
