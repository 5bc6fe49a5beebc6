/**
 * Users, first-run setup, sign-in sessions and API tokens. Secrets are random and only their
 * SHA-256 hashes are stored; passwords are hashed with argon2id (the PasswordHasher port).
 */
import { z } from 'zod';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import {
  PERMISSIONS,
  DomainError,
  UserInput,
  asId,
  can,
  notFound,
  parseInput,
  ROLES,
  type Actor,
  type Role,
  type User,
  type UserId,
} from '../domain/index.js';
import type { DB } from '../db/schema.js';
import { isUniqueViolation } from '../db/dialects/dialect.js';
import { authorize } from './authz.js';
import { inUnit, type AppContext } from './context.js';
import { randomSecret, sha256Hex, type PasswordHasher } from './ports.js';

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP minimum. */
export const argon2Hasher: PasswordHasher = {
  hash: (password) => argonHash(password),
  verify: (h, password) => argonVerify(h, password).catch(() => false),
};

export function rowToUser(r: DB['users']): User {
  return {
    id: asId(r.id),
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
  };
}

const HOUR = 3600_000;

async function insertUser(
  ctx: AppContext,
  u: Parameters<Parameters<typeof inUnit>[1]>[0],
  input: UserInput,
): Promise<User> {
  const row: DB['users'] = {
    id: ctx.ids.next(),
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    password_hash: await ctx.hasher.hash(input.password),
    disabled: 0,
    created_at: u.now,
    version: 1,
  };
  try {
    await u.trx.insertInto('users').values(row).execute();
  } catch (e) {
    if (isUniqueViolation(e))
      throw new DomainError('ALREADY_EXISTS', `user ${input.username} already exists`, {
        issues: [{ path: 'username', message: 'taken' }],
      });
    throw e;
  }
  return rowToUser(row);
}

/** True while no user exists: the service then offers the one-time setup link. */
export async function needsSetup(ctx: AppContext): Promise<boolean> {
  const any = await ctx.database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return !any;
}

/** Issues a one-time setup token (only while no user exists). The caller prints the link once. */
export async function issueSetupToken(ctx: AppContext): Promise<string> {
  if (!(await needsSetup(ctx))) throw new DomainError('SETUP_DONE', 'the first administrator already exists');
  const token = randomSecret();
  const now = ctx.clock.now();
  await ctx.database.db
    .insertInto('setup_tokens')
    .values({
      token_hash: sha256Hex(token),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ctx.settings.setupTokenTtlHours * HOUR).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** Input of the first-run setup. */
export const SetupInput = z.strictObject({
  token: z.string().min(10).max(200),
  username: UserInput.shape.username,
  displayName: UserInput.shape.displayName,
  password: UserInput.shape.password,
});

/** Creates the first administrator with a valid, unused setup token. */
export async function completeSetup(ctx: AppContext, raw: unknown): Promise<User> {
  const input = parseInput(SetupInput, raw, 'setup');
  return inUnit(ctx, async (u) => {
    if (await u.trx.selectFrom('users').select('id').limit(1).executeTakeFirst())
      throw new DomainError('SETUP_DONE', 'the first administrator already exists');
    const t = await u.trx
      .selectFrom('setup_tokens')
      .selectAll()
      .where('token_hash', '=', sha256Hex(input.token))
      .executeTakeFirst();
    if (!t || t.used_at || t.expires_at < u.now)
      throw new DomainError('UNAUTHENTICATED', 'the setup link is invalid or has expired');
    await u.trx
      .updateTable('setup_tokens')
      .set({ used_at: u.now })
      .where('token_hash', '=', t.token_hash)
      .execute();
    const user = await insertUser(ctx, u, {
      username: input.username,
      displayName: input.displayName,
      password: input.password,
      role: 'admin',
    });
    u.audit({ userId: user.id, role: 'admin', via: 'session' }, 'setup.complete', 'user', user.id);
    return user;
  });
}

/** Use case: an administrator adds a user. */
export async function addUser(ctx: AppContext, actor: Actor, raw: unknown): Promise<User> {
  authorize(actor, 'user.manage');
  const input = parseInput(UserInput, raw, 'user');
  return inUnit(ctx, async (u) => {
    const user = await insertUser(ctx, u, input);
    u.audit(actor, 'user.add', 'user', user.id, { role: user.role });
    return user;
  });
}

export async function listUsers(ctx: AppContext, actor: Actor): Promise<User[]> {
  authorize(actor, 'user.manage');
  return (await ctx.database.db.selectFrom('users').selectAll().orderBy('username').execute()).map(rowToUser);
}

/** Changes an administrator may make to a user. */
export const UpdateUser = z.strictObject({
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
  displayName: z.string().trim().min(1).max(200).optional(),
});

export async function updateUser(ctx: AppContext, actor: Actor, id: string, raw: unknown): Promise<User> {
  authorize(actor, 'user.manage');
  const input = parseInput(UpdateUser, raw, 'user update');
  return inUnit(ctx, async (u) => {
    const row = await u.trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('user', id);
    await u.trx
      .updateTable('users')
      .set({
        ...(input.role && { role: input.role }),
        ...(input.disabled !== undefined && { disabled: input.disabled ? 1 : 0 }),
        ...(input.displayName && { display_name: input.displayName }),
        version: Number(row.version) + 1,
      })
      .where('id', '=', id)
      .execute();
    if (input.disabled) {
      await u.trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await u.trx
        .updateTable('api_tokens')
        .set({ revoked_at: u.now })
        .where('user_id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    }
    u.audit(actor, 'user.update', 'user', id, { role: input.role ?? null, disabled: input.disabled ?? null });
    return rowToUser(
      await u.trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}

/** Sign-in input. */
export const LoginInput = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1000),
});

/** Signs in: returns a session secret (for the cookie) and its CSRF token. Failures say nothing of which part was wrong. */
export async function login(
  ctx: AppContext,
  raw: unknown,
): Promise<{ session: string; csrfToken: string; user: User; expiresAt: string }> {
  const input = parseInput(LoginInput, raw, 'sign-in');
  const row = await ctx.database.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', input.username)
    .executeTakeFirst();
  // Hash even for unknown users, so timing does not tell which usernames exist.
  const ok = row
    ? await ctx.hasher.verify(row.password_hash, input.password)
    : (await ctx.hasher.hash(input.password), false);
  if (!row || !ok || row.disabled === 1) {
    await inUnit(ctx, async (u) =>
      u.audit(
        { userId: asId(row?.id ?? '00000000-0000-7000-8000-000000000000'), role: 'analyst', via: 'session' },
        'auth.login_failed',
        'user',
        row?.id ?? null,
      ),
    );
    throw new DomainError('UNAUTHENTICATED', 'wrong username or password');
  }
  const session = randomSecret();
  const csrfToken = randomSecret(24);
  const user = rowToUser(row);
  return inUnit(ctx, async (u) => {
    const expiresAt = new Date(Date.parse(u.now) + ctx.settings.sessionTtlHours * HOUR).toISOString();
    await u.trx
      .insertInto('sessions')
      .values({
        id_hash: sha256Hex(session),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: u.now,
        expires_at: expiresAt,
      })
      .execute();
    u.audit({ userId: user.id, role: user.role, via: 'session' }, 'auth.login', 'user', user.id);
    return { session, csrfToken, user, expiresAt };
  });
}

export async function logout(ctx: AppContext, session: string): Promise<void> {
  await ctx.database.db.deleteFrom('sessions').where('id_hash', '=', sha256Hex(session)).execute();
}

/** Resolves a session secret to its actor and CSRF token; null when unknown, expired or the user is disabled. */
export async function resolveSession(
  ctx: AppContext,
  session: string,
): Promise<{ actor: Actor; csrfToken: string; user: User } | null> {
  const row = await ctx.database.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id_hash', '=', sha256Hex(session))
    .executeTakeFirst();
  if (!row || row.expires_at < ctx.clock.now().toISOString() || row.disabled === 1) return null;
  const user = rowToUser(row);
  return { actor: { userId: user.id, role: user.role, via: 'session' }, csrfToken: row.csrf_token, user };
}

/** Input for issuing an API token. */
export const TokenInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullish(),
});

/** Issues an API token for a user (admins for anyone, others for themselves). The secret is shown once. */
export async function issueToken(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  raw: unknown,
): Promise<{ id: string; token: string; expiresAt: string | null }> {
  if (userId !== actor.userId) authorize(actor, 'user.manage');
  const input = parseInput(TokenInput, raw, 'token');
  return inUnit(ctx, async (u) => {
    const user = await u.trx
      .selectFrom('users')
      .select(['id', 'disabled'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw notFound('user', userId);
    const secret = `wa_${randomSecret()}`;
    const id = ctx.ids.next();
    const expiresAt = input.expiresInDays
      ? new Date(Date.parse(u.now) + input.expiresInDays * 24 * HOUR).toISOString()
      : null;
    await u.trx
      .insertInto('api_tokens')
      .values({
        id,
        user_id: userId,
        name: input.name,
        token_hash: sha256Hex(secret),
        created_at: u.now,
        expires_at: expiresAt,
        revoked_at: null,
      })
      .execute();
    u.audit(actor, 'token.issue', 'user', userId, { token: id });
    return { id, token: secret, expiresAt };
  });
}

export async function revokeToken(ctx: AppContext, actor: Actor, tokenId: string): Promise<void> {
  await inUnit(ctx, async (u) => {
    const t = await u.trx.selectFrom('api_tokens').selectAll().where('id', '=', tokenId).executeTakeFirst();
    if (!t) throw notFound('token', tokenId);
    if (t.user_id !== actor.userId) authorize(actor, 'user.manage');
    await u.trx.updateTable('api_tokens').set({ revoked_at: u.now }).where('id', '=', tokenId).execute();
    u.audit(actor, 'token.revoke', 'user', t.user_id, { token: tokenId });
  });
}

/** Resolves a bearer token to its actor; null when unknown, revoked, expired or the user is disabled. */
export async function resolveToken(ctx: AppContext, secret: string): Promise<Actor | null> {
  const row = await ctx.database.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.role', 'users.disabled', 'api_tokens.expires_at', 'api_tokens.revoked_at'])
    .where('api_tokens.token_hash', '=', sha256Hex(secret))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled === 1) return null;
  if (row.expires_at && row.expires_at < ctx.clock.now().toISOString()) return null;
  return { userId: asId<UserId>(row.id), role: row.role as Role, via: 'token' };
}

/** What the signed-in user may do (every permission of the role), for clients that adapt their interface. */
export function capabilities(role: Role): string[] {
  return PERMISSIONS.filter((p) => can(role, p));
}
