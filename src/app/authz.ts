/** Authorization: deny by default, from the permission matrix in domain/permissions.ts. */
import { can, DomainError, type Actor, type Permission, type Sensitivity } from '../domain/index.js';

/** Throws FORBIDDEN unless the actor's role holds the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission))
    throw new DomainError('FORBIDDEN', `role ${actor.role} may not ${permission}`, {
      details: { permission },
    });
}

/** The sensitivities of claim fields an actor may read. */
export function readableSensitivities(actor: Actor): ReadonlySet<Sensitivity> {
  const s = new Set<Sensitivity>();
  if (can(actor.role, 'person.read')) s.add('normal');
  if (can(actor.role, 'person.read_protected')) s.add('protected');
  if (can(actor.role, 'person.read_restricted')) s.add('restricted');
  return s;
}
