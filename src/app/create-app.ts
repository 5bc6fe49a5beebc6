/**
 * The composition root of the use cases: `createApp(deps)` binds every use case to one context.
 * The HTTP server, the CLI and the tests all build the app this way; there are no singletons.
 */
import type { Database } from '../db/dialects/dialect.js';
import type { Actor } from '../domain/index.js';
import type { AppContext } from './context.js';
import type { PersonKeyer } from './indexing.js';
import { createRegistryMatcher, type RegistryMatcher } from './registry-matching.js';
import * as search from './search.js';
import * as review from './review.js';
import * as enquiries from './enquiries.js';
import * as exchange from './exchange-lists.js';
import * as reports from './reports.js';
import * as models from './models.js';
import { MatcherHolder } from './matcher-holder.js';
import {
  noopLogger,
  systemClock,
  uuidV7Generator,
  type Clock,
  type IdGenerator,
  type Logger,
  type PasswordHasher,
} from './ports.js';
import { argon2Hasher } from './auth.js';
import * as persons from './persons.js';
import * as listing from './list-persons.js';
import * as merges from './merges.js';
import * as batch from './register-batch.js';
import * as sources from './sources.js';
import * as places from './places.js';
import * as auth from './auth.js';
import * as audit from './audit-log.js';
import * as stats from './stats.js';
import * as imports from './imports/index.js';
import * as exportsUc from './exports/index.js';

export interface AppDeps {
  database: Database;
  clock?: Clock;
  ids?: IdGenerator;
  logger?: Logger;
  hasher?: PasswordHasher;
  keyer?: PersonKeyer;
  matcher?: RegistryMatcher;
  settings?: Partial<AppContext['settings']>;
}

/** Binds a use case's leading context argument. */
type Bound<F> = F extends (ctx: AppContext, ...args: infer A) => infer R ? (...args: A) => R : never;
function bind<T extends Record<string, unknown>>(ctx: AppContext, mod: T): { [K in keyof T]: Bound<T[K]> } {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(mod))
    if (typeof f === 'function')
      out[k] = (...args: unknown[]) => (f as (...a: unknown[]) => unknown)(ctx, ...args);
  return out as { [K in keyof T]: Bound<T[K]> };
}

export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? systemClock;
  const matchers = new MatcherHolder(deps.matcher ?? createRegistryMatcher());
  const fixedKeyer = deps.keyer;
  const ctx: AppContext = {
    database: deps.database,
    clock,
    ids: deps.ids ?? uuidV7Generator(clock),
    logger: deps.logger ?? noopLogger,
    hasher: deps.hasher ?? argon2Hasher,
    // Getters: the active model can change while the app runs (models.activate).
    get keyer() {
      return fixedKeyer ?? matchers.current.keyer;
    },
    get matcher() {
      return matchers.current;
    },
    matchers,
    settings: { sessionTtlHours: 12, setupTokenTtlHours: 24, ...deps.settings },
  };
  return {
    ctx,
    persons: {
      register: (actor: Actor, input: unknown) => persons.registerPerson(ctx, actor, input),
      registerBatch: (actor: Actor, sourceId: string, inputs: unknown) =>
        batch.registerBatch(ctx, actor, sourceId, inputs),
      addClaim: (actor: Actor, id: string, input: unknown) => persons.addClaim(ctx, actor, id, input),
      retractClaim: (actor: Actor, id: string, claimId: string, input: unknown) =>
        persons.retractClaim(ctx, actor, id, claimId, input),
      addEvent: (actor: Actor, id: string, input: unknown) => persons.addEvent(ctx, actor, id, input),
      retractEvent: (actor: Actor, id: string, eventId: string, input: unknown) =>
        persons.retractEvent(ctx, actor, id, eventId, input),
      get: (actor: Actor, id: string) => persons.getPerson(ctx, actor, id),
      list: (actor: Actor, filter: unknown) => listing.listPersons(ctx, actor, filter),
      search: (actor: Actor, input: unknown) => search.searchPersons(ctx, actor, input),
      merge: (actor: Actor, input: unknown) => merges.mergePersons(ctx, actor, input),
      undoMerge: (actor: Actor, mergeId: string, input: unknown) =>
        merges.undoMerge(ctx, actor, mergeId, input),
    },
    sources: bind(ctx, {
      create: sources.createSource,
      get: sources.getSource,
      list: sources.listSources,
      update: sources.updateSource,
      remove: sources.deleteSource,
    }),
    places: bind(ctx, {
      create: places.createPlace,
      get: places.getPlace,
      list: places.listPlaces,
      setVariants: places.setPlaceVariants,
    }),
    auth: bind(ctx, {
      needsSetup: auth.needsSetup,
      issueSetupToken: auth.issueSetupToken,
      completeSetup: auth.completeSetup,
      addUser: auth.addUser,
      listUsers: auth.listUsers,
      updateUser: auth.updateUser,
      login: auth.login,
      logout: auth.logout,
      resolveSession: auth.resolveSession,
      issueToken: auth.issueToken,
      revokeToken: auth.revokeToken,
      resolveToken: auth.resolveToken,
    }),
    audit: bind(ctx, { list: audit.listAudit, verify: audit.verifyAuditLog }),
    stats: bind(ctx, { get: stats.getStats }),
    imports: {
      ...bind(ctx, {
        run: imports.runImport,
        savePreset: imports.savePreset,
        listPresets: imports.listPresets,
        listBatches: imports.listBatches,
        getReport: imports.getBatchReport,
      }),
      jobs: new imports.ImportJobs(ctx),
    },
    exports: bind(ctx, { run: exportsUc.exportPersons }),
    enquiries: bind(ctx, {
      create: enquiries.createEnquiry,
      list: enquiries.listEnquiries,
      get: enquiries.getEnquiry,
      transition: enquiries.transitionEnquiry,
      decide: enquiries.decideEnquiryCandidate,
    }),
    reports: bind(ctx, {
      submit: reports.submitReport,
      list: reports.listReports,
      get: reports.getReport,
      acceptLead: reports.acceptLead,
      dismissLead: reports.dismissLead,
      reconcile: reports.reconcileReports,
    }),
    exchange: bind(ctx, {
      create: exchange.createExchangeList,
      list: exchange.listExchangeLists,
      get: exchange.getExchangeList,
      addEntries: exchange.addExchangeEntries,
      verify: exchange.verifyExchangeList,
      transition: exchange.transitionExchangeEntry,
      export: exportsUc.exportExchangeList,
    }),
    models: bind(ctx, {
      list: models.listModels,
      get: models.getModel,
      train: models.trainModelFromRegistry,
      activate: models.activateModel,
      rekey: models.rekeyRegistry,
      loadActive: models.loadActiveModel,
    }),
    review: bind(ctx, {
      list: review.listReview,
      get: review.getReviewItem,
      decide: review.decideReview,
      scan: review.scanDuplicates,
    }),
  };
}

export type App = ReturnType<typeof createApp>;
