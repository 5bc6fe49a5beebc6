/** Users and the actor that every use case receives (for authorization and audit). */
import { z } from 'zod';
import type { UserId } from './ids.js';
import { ROLES, type Role } from './permissions.js';

export const UserInput = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-zA-Z0-9._@-]+$/, 'letters, digits and . _ @ - only'),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password: z.string().min(12, 'at least 12 characters').max(1000),
});
export type UserInput = z.infer<typeof UserInput>;

export interface User {
  readonly id: UserId;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdAt: string;
}

/** Who is acting: a signed-in user, an API token, or the system itself (CLI, migrations). */
export interface Actor {
  readonly userId: UserId;
  readonly role: Role;
  readonly via: 'session' | 'token' | 'cli' | 'system';
}

/** The actor for operations run from the command line by whoever holds the database. */
export const SYSTEM_USER_ID = '00000000-0000-7000-8000-000000000000' as UserId;
export const systemActor: Actor = { userId: SYSTEM_USER_ID, role: 'admin', via: 'system' };
