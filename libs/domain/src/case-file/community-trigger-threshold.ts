import { addMonths, type LocalDate, londonDateOf } from '../calendar';
import type { LocalPolicy } from '../policy/local-policy';

/** A complaint on record: an incident as reported, on this case or another about the same victim or place. */
export interface Complaint {
  readonly reference: string;
  readonly incidentId: string;
  readonly occurredAt: string;
  readonly reportedAt: string;
}

export interface ThresholdAssessment {
  readonly met: boolean;
  /** The complaints that count, latest first. */
  readonly qualifying: readonly Complaint[];
  /** Why it is met or not, as the coordinator would explain it to the applicant. */
  readonly explanation: string;
}

const dateOf = (iso: string): LocalDate => londonDateOf(new Date(iso));

/**
 * The ASB Case Review threshold [law + policy]: enough qualifying complaints about the same problem
 * within the window, the latest of them recent. A complaint qualifies when it was made within the
 * policy's time of the incident. Counted in calendar months of England's dates.
 */
export function assessThreshold(complaints: readonly Complaint[], on: LocalDate, policy: LocalPolicy['caseReview']): ThresholdAssessment {
  const windowStart = addMonths(on, -policy.windowMonths);
  const recentFrom = addMonths(on, -policy.latestComplaintWithinMonths);
  const unique = [...new Map(complaints.map((complaint) => [`${complaint.reference}/${complaint.incidentId}`, complaint])).values()];
  const qualifying = unique
    .filter((complaint) => dateOf(complaint.reportedAt) <= addMonths(dateOf(complaint.occurredAt), policy.complaintWithinMonthsOfIncident))
    .filter((complaint) => dateOf(complaint.reportedAt) >= windowStart && dateOf(complaint.reportedAt) <= on)
    .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
  const latest = qualifying[0];
  const enough = qualifying.length >= policy.qualifyingComplaints;
  const recent = latest !== undefined && dateOf(latest.reportedAt) >= recentFrom;
  const counted = `${qualifying.length} qualifying complaint${qualifying.length === 1 ? '' : 's'} in the ${policy.windowMonths} months to ${on}`;
  if (!enough) return { met: false, qualifying, explanation: `${counted}; ${policy.qualifyingComplaints} are needed` };
  if (!recent) return { met: false, qualifying, explanation: `${counted}, but the latest was made on ${dateOf(latest!.reportedAt)}, more than ${policy.latestComplaintWithinMonths} month${policy.latestComplaintWithinMonths === 1 ? '' : 's'} ago` };
  return { met: true, qualifying, explanation: `${counted}, the latest on ${dateOf(latest!.reportedAt)}` };
}
