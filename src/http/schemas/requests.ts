/**
 * Request schemas: the use cases' own input schemas, named for the OpenAPI document (the use case
 * parses the input again, so it stays the judge).
 */
import { z } from 'zod';
import { isoDay } from '../../domain/index.js';
import {
  LoginInput,
  PlaceVariantsInput,
  SetupInput,
  SourceUpdateInput,
  TokenInput,
  UndoInput,
  UpdateUser,
} from '../../app/index.js';
import { Id } from './common.js';

export const SetupBody = SetupInput.meta({ id: 'SetupInput' });
export const LoginBody = LoginInput.meta({ id: 'LoginInput' });
export const UserPatchBody = UpdateUser.meta({ id: 'UserPatch' });
export const TokenBody = TokenInput.meta({ id: 'TokenInput' });
export const UndoMergeBody = UndoInput.meta({ id: 'UndoMergeInput' });
export const SourceUpdateBody = SourceUpdateInput.meta({ id: 'SourceUpdate' });
export const PlaceVariantsBody = PlaceVariantsInput.meta({ id: 'PlaceVariantsUpdate' });

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
