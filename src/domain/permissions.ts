/**
 * Roles and the permission matrix: the one place that says who may do what. Deny by default: a
 * permission not listed for a role is refused. Enforced in app/ (authorize), not only in routes.
 */
export const ROLES = ['admin', 'registrar', 'tracing_officer', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'person.read', // names and normal fields, timelines
  'person.read_protected', // protected fields (ids, address, description)
  'person.read_restricted', // restricted fields (health, contact details, person to inform)
  'person.write', // register, claims, events
  'person.merge', // merge and unmerge
  'source.read',
  'source.write',
  'place.read',
  'place.write',
  'import.run',
  'export.run',
  'match.search',
  'match.decide',
  'enquiry.read',
  'enquiry.write',
  'enquirer.read', // enquirers' contact details (restricted)
  'exchange.read',
  'exchange.write',
  'report.read',
  'report.write',
  'stats.read', // aggregate figures only
  'user.manage',
  'audit.read',
  'audit.verify',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OFFICER: Permission[] = [
  'person.read',
  'person.read_protected',
  'person.read_restricted',
  'person.write',
  'person.merge',
  'source.read',
  'source.write',
  'place.read',
  'place.write',
  'import.run',
  'export.run',
  'match.search',
  'match.decide',
  'enquiry.read',
  'enquiry.write',
  'enquirer.read',
  'exchange.read',
  'exchange.write',
  'report.read',
  'report.write',
  'stats.read',
];

/** The matrix. Analysts and auditors never hold a permission that returns personal fields. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  admin: new Set<Permission>([...OFFICER, 'user.manage', 'audit.read', 'audit.verify']),
  tracing_officer: new Set<Permission>(OFFICER),
  registrar: new Set<Permission>([
    'person.read',
    'person.read_protected',
    'person.write',
    'source.read',
    'source.write',
    'place.read',
    'place.write',
    'import.run',
    'match.search',
    'report.read',
    'report.write',
    'stats.read',
  ]),
  analyst: new Set<Permission>(['stats.read', 'source.read', 'place.read']),
  auditor: new Set<Permission>(['audit.read', 'audit.verify', 'stats.read']),
};

/** Permissions that expose personal data; a role holding none of them is a non-personal role. */
export const PERSONAL_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  'person.read',
  'person.read_protected',
  'person.read_restricted',
  'enquiry.read',
  'enquirer.read',
  'export.run',
  'match.search',
  'exchange.read',
]);

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
