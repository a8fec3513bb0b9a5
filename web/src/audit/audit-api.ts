import { request } from '../api/client.ts';
import type { AuditEntry } from '../review/types.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** The query string of a filter, leaving out what is not set. */
export function auditQuery(f: AuditFilter, csv = false): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  if (csv) q.set('format', 'csv');
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const auditApi = {
  list: (id: string, f: AuditFilter) =>
    request<AuditEntry[]>('GET', `/assessments/${encodeURIComponent(id)}/audit${auditQuery(f)}`),
  /** A plain link: the browser downloads the CSV with the session cookie. */
  csvUrl: (id: string, f: AuditFilter) =>
    `/api/assessments/${encodeURIComponent(id)}/audit${auditQuery(f, true)}`,
};
