/**
 * Request schemas. Where the domain exports a use case's input schema it is used as is; the others
 * restate the use case's own rules (the use case parses the input again, so it stays the judge).
 */
import { z } from 'zod';
import { ROLES, SourcePatch, UserInput, isoDay } from '../../domain/index.js';
import { Id } from './common.js';

export const SetupBody = z
  .strictObject({
    token: z.string().min(10).max(200),
    username: UserInput.shape.username,
    displayName: UserInput.shape.displayName,
    password: UserInput.shape.password,
  })
  .meta({ id: 'SetupInput' });

export const LoginBody = z
  .strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(1000) })
  .meta({ id: 'LoginInput' });

export const UserPatchBody = z
  .strictObject({
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    displayName: z.string().trim().min(1).max(200).optional(),
  })
  .meta({ id: 'UserPatch' });

export const TokenBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(3650).nullish(),
  })
  .meta({ id: 'TokenInput' });

export const UndoMergeBody = z
  .strictObject({ reason: z.string().trim().min(1).max(2000) })
  .meta({ id: 'UndoMergeInput' });

export const SourceUpdateBody = z
  .strictObject({ expectedVersion: z.number().int().min(1), patch: SourcePatch })
  .meta({ id: 'SourceUpdate' });

export const PlaceVariantsBody = z
  .strictObject({
    expectedVersion: z.number().int().min(1),
    variants: z.array(z.string().trim().min(1).max(300)).max(100),
  })
  .meta({ id: 'PlaceVariantsUpdate' });

export const VerifyBody = z
  .strictObject({
    anchor: z
      .strictObject({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) })
      .optional(),
  })
  .nullish()
  .describe('optionally a head recorded earlier, to detect a removed tail');

const limit = (max: number) => z.coerce.number().int().min(1).max(max).optional();

export const SourceListQuery = z.strictObject({
  kind: z.string().max(40).optional(),
  limit: limit(500),
  cursor: z.string().max(100).optional(),
});
export const PlaceListQuery = z.strictObject({
  q: z.string().trim().max(300).optional(),
  kind: z.string().max(40).optional(),
  limit: limit(500),
});
export const UserListQuery = z.strictObject({ limit: limit(500), cursor: z.string().max(100).optional() });
export const AuditListQuery = z.strictObject({
  limit: limit(1000),
  cursor: z.string().regex(/^\d+$/, 'a sequence number').max(20).optional(),
  subjectType: z.string().max(40).optional(),
  subjectId: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
});
export const StatsQuery = z.strictObject({ from: isoDay.optional(), to: isoDay.optional() });

/** What a write on a person answers. */
export const RegisteredOut = z
  .object({
    person: z.object({ id: Id, version: z.number().int() }),
    claimIds: z.array(Id),
    eventIds: z.array(Id),
  })
  .meta({ id: 'Registered' });
export const ClaimAddedOut = z.object({ claimId: Id, version: z.number().int() });
export const EventAddedOut = z.object({ eventId: Id, version: z.number().int() });
export const VersionOut = z.object({ version: z.number().int() });
export const MergeResultOut = z
  .object({ mergeId: Id, survivorId: Id, mergedId: Id })
  .meta({ id: 'MergeResult' });
export const TokenIssuedOut = z.object({
  id: Id,
  token: z.string().describe('shown once'),
  expiresAt: z.string().nullable(),
});
