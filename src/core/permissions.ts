/**
 * Roles and what they may do. Every HTTP route declares one permission; tests walk the whole
 * route × role matrix. `push` is a machine role for platforms that send their content.
 */
export const PERMISSIONS = [
  'outlets:read',
  'outlets:write',
  'documents:read',
  'findings:read',
  'crawl:run',
  'check:run',
  'deadletters:read',
  'push:write',
  // Review and enforcement (docs/review.md)
  'queue:read',
  'cases:create',
  'review:decide',
  'review:approve',
  'appeals:decide',
  'compliance:run',
  'audit:read',
  'reports:read',
  'users:admin',
  'webhooks:admin',
  'policy:read',
  'policy:write',
  'factchecks:write',
  // The legal-basis registry is reference data for every decision: admins change it (docs/legal-registry.md).
  'legal:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['viewer', 'analyst', 'reviewer', 'supervisor', 'admin', 'push'] as const;
export type Role = (typeof ROLES)[number];

const read: Permission[] = ['outlets:read', 'documents:read', 'findings:read', 'reports:read', 'policy:read'];
const analyse: Permission[] = [...read, 'check:run', 'deadletters:read', 'queue:read', 'cases:create', 'factchecks:write'];
// A reviewer decides cases and appeals; approving a takedown request (the second pair of eyes),
// running compliance checks and reading the audit log are a supervisor's.
const review: Permission[] = [...analyse, 'review:decide', 'appeals:decide'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: read,
  analyst: analyse,
  reviewer: review,
  supervisor: [...review, 'crawl:run', 'review:approve', 'compliance:run', 'audit:read'],
  admin: PERMISSIONS,
  push: ['push:write'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
