/** The application layer: use cases with authorization, audit and transactions. */
export { createApp, type App, type AppDeps } from './create-app.js';
export type { AppContext, Unit } from './context.js';
export { inUnit } from './context.js';
export * from './ports.js';
export { authorize, readableSensitivities } from './authz.js';
export { capabilities, argon2Hasher } from './auth.js';
export { nameTokenKeyer, foldTokens, reindexPerson, type PersonKeyer } from './indexing.js';
export { verifyAudit, type VerifyResult } from './audit.js';
export type { PersonSummary } from './list-persons.js';
export type { Stats } from './stats.js';
export { LoginInput, SetupInput, TokenInput, UpdateUser } from './auth.js';
export { UndoInput } from './merges.js';
export { SourceUpdateInput } from './sources.js';
export { PlaceVariantsInput } from './places.js';
export { SearchInput } from './search.js';
export { SubmitReportInput } from './reports.js';
