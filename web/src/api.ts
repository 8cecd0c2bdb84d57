import type { CaseFinding, LegalBasisRef } from '../../src/review/types.js';

/** The JSON API under /api/v1, called with the session cookie (same origin). */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const UNAUTHENTICATED_EVENT = 'kiemtin:unauthenticated';

/** Calls the API; a non-2xx answer becomes an ApiError with the server's code and message. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    // The session ended (expired, signed out elsewhere): the app goes back to the sign-in form.
    if (res.status === 401 && !path.startsWith('/session'))
      window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    const e = (
      json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null
    )?.error;
    throw new ApiError(
      res.status,
      e?.code ?? `HTTP_${res.status}`,
      e?.message ?? (text.slice(0, 300) || res.statusText),
      e?.details,
    );
  }
  return json as T;
}

/** Query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface User {
  username: string;
  displayName: string;
  role: 'viewer' | 'analyst' | 'reviewer' | 'supervisor' | 'admin';
}

export interface QueueItem {
  id: number;
  number: string;
  subjectKind: string;
  subjectRef: string;
  outletId: string | null;
  documentId: string | null;
  url: string | null;
  title: string | null;
  category: string;
  source: string;
  severity: number;
  confidence: number;
  reach: number;
  priority: number;
  slaHours: number;
  slaDueAt: string;
  state: string;
  findings: number;
  claimedBy: string | null;
  claimExpiresAt: string | null;
  openedAt: string;
}

/** A finding as copied into a case: the server's own type (its fields are JSON already). */
export type { CaseFinding };

export interface Decision {
  id: number;
  kind: 'initial' | 'appeal';
  outcome: string;
  category: string;
  action: string;
  legalBasis: LegalBasisRef[];
  facts: string;
  statement: { ground: { explanation: string } };
  reviewer: string;
  decidedAt: string;
  status: string;
}

export interface Appeal {
  id: number;
  caseNumber: string;
  appellant: string;
  reason: string;
  status: string;
  openedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  messages: Array<{
    id: number;
    direction: 'from-appellant' | 'to-appellant';
    author: string;
    body: string;
    at: string;
  }>;
}

export interface CaseDetail extends Omit<QueueItem, 'findings' | 'priority'> {
  note: string | null;
  openedBy: string;
  actDate: string;
  decidedAt: string | null;
  findings: CaseFinding[];
  document: {
    id: string;
    text: string;
    author: string | null;
    publishedAt: string | null;
    version: number;
    snapshotSha256: string | null;
  } | null;
  decisions: Decision[];
  actions: Array<{
    id: number;
    decisionId: number;
    kind: string;
    status: string;
    deadlineAt: string | null;
    approvedBy: string | null;
    issuedAt: string | null;
    checkResult: string | null;
    factCheckUrl: string | null;
  }>;
  appeals: Appeal[];
}

/** A provision of the legal registry, as GET /api/v1/legal-provisions lists them. */
export type { LegalProvision as Provision } from '../../src/review/legal-registry.js';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  payload: Record<string, unknown>;
  hash: string;
}
