/** What each part of the interface needs; navigation and routes show only what the user may use. */
import type { Me } from '../api/types.js';

/** A capability as GET /api/auth/me lists them. */
export type Capability =
  | 'person.read'
  | 'person.write'
  | 'person.merge'
  | 'source.write'
  | 'place.write'
  | 'import.run'
  | 'export.run'
  | 'match.search'
  | 'enquiry.read'
  | 'exchange.read'
  | 'exchange.write'
  | 'report.read'
  | 'report.write'
  | 'stats.read'
  | 'user.manage'
  | 'audit.read';

/** Whether the signed-in user holds a capability. */
export function can(me: Me | null | undefined, capability: Capability): boolean {
  return Boolean(me?.capabilities.includes(capability));
}

/** One entry of the navigation. */
export interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly needs: Capability;
}

/** The navigation, in order; the first entry the user may open is their start page. */
export const NAV: readonly NavItem[] = [
  { path: '/search', label: 'nav.search', needs: 'person.read' },
  // Deciding on matches goes with merging in the permission matrix (match.decide is not listed by /me).
  { path: '/review', label: 'nav.review', needs: 'person.merge' },
  { path: '/enquiries', label: 'nav.enquiries', needs: 'enquiry.read' },
  { path: '/exchange', label: 'nav.exchange', needs: 'exchange.read' },
  { path: '/reports', label: 'nav.reports', needs: 'report.read' },
  { path: '/imports', label: 'nav.imports', needs: 'import.run' },
  { path: '/sources', label: 'nav.sources', needs: 'person.read' },
  { path: '/places', label: 'nav.places', needs: 'person.read' },
  { path: '/dashboard', label: 'nav.dashboard', needs: 'stats.read' },
  { path: '/admin/users', label: 'nav.users', needs: 'user.manage' },
  { path: '/admin/audit', label: 'nav.audit', needs: 'audit.read' },
];

/** The navigation entries this user may open. */
export function navFor(me: Me | null | undefined): NavItem[] {
  return NAV.filter((item) => can(me, item.needs));
}
