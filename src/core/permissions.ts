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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['viewer', 'analyst', 'reviewer', 'supervisor', 'admin', 'push'] as const;
export type Role = (typeof ROLES)[number];

const read: Permission[] = ['outlets:read', 'documents:read', 'findings:read'];
const analyse: Permission[] = [...read, 'check:run', 'deadletters:read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: read,
  analyst: analyse,
  reviewer: analyse,
  supervisor: [...analyse, 'crawl:run'],
  admin: PERMISSIONS,
  push: ['push:write'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
