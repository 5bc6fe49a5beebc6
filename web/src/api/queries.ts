/** Data hooks: one per API resource the pages read, keyed so that writes can refresh them. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, get, qs, setCsrfToken } from './client.js';
import type {
  AuditEntry,
  EnquiryDetail,
  EnquirySummary,
  ExchangeList,
  ExchangeListSummary,
  Me,
  Page,
  PersonDetail,
  PersonSummary,
  Place,
  ReportDetail,
  ReportSummary,
  ReportsReconciliation,
  ReviewDetail,
  ReviewItem,
  SearchResult,
  Source,
  Stats,
  User,
} from './types.js';

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async ({ signal }) => {
      try {
        const me = await get<Me>('/api/auth/me', signal);
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/** Whether the first administrator is still to be created. */
export function useSetupRequired() {
  return useQuery({
    queryKey: ['setup'],
    queryFn: ({ signal }) => get<{ required: boolean }>('/api/setup', signal),
    staleTime: Infinity,
  });
}

/** What the search page asks for. */
export interface SearchParams {
  q: string;
  state?: string;
  placeId?: string;
  sourceId?: string;
  updatedSince?: string;
}

// Ranked search across scripts; when the server does not offer it, the plain name-token listing.
let rankedSearch: boolean | null = null;

// One search at a time: a request the user has typed past is skipped before it is sent, and the one
// being answered is let finish (aborting it would not stop the server's work, only hide it), so the
// server never holds a queue of stale searches in front of the one that matters.
let searching: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(signal: AbortSignal, run: () => Promise<T>): Promise<T> {
  const previous = searching;
  const mine = previous
    .catch(() => undefined)
    .then(() => {
      if (signal.aborted) throw new DOMException('superseded', 'AbortError');
      return run();
    });
  searching = mine.catch(() => undefined);
  return mine;
}

function findPersons(p: SearchParams, signal: AbortSignal): Promise<PersonSummary[]> {
  return oneAtATime(signal, () => fetchPersons(p));
}

async function fetchPersons(p: SearchParams): Promise<PersonSummary[]> {
  const filtered = Boolean(p.state || p.placeId || p.sourceId || p.updatedSince);
  if (!filtered && p.q && rankedSearch !== false) {
    try {
      const r = await get<SearchResult>(`/api/search${qs({ q: p.q, limit: 25 })}`);
      rankedSearch = true;
      return r.items;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404 && rankedSearch === null)) throw e;
      rankedSearch = false;
    }
  }
  const r = await get<Page<PersonSummary>>(`/api/persons${qs({ ...p, limit: 25 })}`);
  return r.items;
}

/**
 * Persons matching a query and filters; keeps the previous results while the next ones load, so the
 * answer carries the query it answers.
 */
export function usePersonSearch(p: SearchParams, enabled: boolean) {
  return useQuery({
    queryKey: ['search', p],
    queryFn: async ({ signal }) => ({ q: p.q, items: await findPersons(p, signal) }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** One person with everything the caller may read. */
export function usePerson(id: string) {
  return useQuery({
    queryKey: ['person', id],
    queryFn: ({ signal }) => get<PersonDetail>(`/api/persons/${id}`, signal),
  });
}

/** Sources, newest first as the server lists them (one page of up to 500). */
export function useSources(enabled = true) {
  return useQuery({
    queryKey: ['sources'],
    queryFn: ({ signal }) => get<Page<Source>>('/api/sources?limit=500', signal),
    enabled,
    staleTime: 30_000,
  });
}

/** Places matching an optional name (any variant). */
export function usePlaces(q = '', enabled = true) {
  return useQuery({
    queryKey: ['places', q],
    queryFn: ({ signal }) => get<Page<Place>>(`/api/places${qs({ q, limit: 500 })}`, signal),
    enabled,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** All users (administrators only). */
export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => get<Page<User>>('/api/users?limit=500', signal),
  });
}

/** One page of the audit log after a sequence number. */
export function useAudit(filter: { action?: string; subjectType?: string; cursor?: string }) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) => get<Page<AuditEntry>>(`/api/audit${qs({ ...filter, limit: 50 })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** Aggregate figures. */
export function useStats(range: { from?: string; to?: string }) {
  return useQuery({
    queryKey: ['stats', range],
    queryFn: ({ signal }) => get<Stats>(`/api/stats${qs(range)}`, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * One page of the review queue: duplicate pairs and enquiry candidates together, most likely first
 * (or one kind when `kind` is given).
 */
export function useReviewQueue(filter: { status: string; offset: number; kind?: string }) {
  return useQuery({
    queryKey: ['review', filter],
    queryFn: ({ signal }) =>
      get<{ items: ReviewItem[]; nextOffset: number | null }>(
        `/api/review${qs({ kind: filter.kind, status: filter.status, offset: filter.offset, limit: 50 })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** One candidate pair side by side. */
export function useReviewItem(id: string) {
  return useQuery({
    queryKey: ['review-item', id],
    queryFn: ({ signal }) => get<ReviewDetail>(`/api/review/${id}`, signal),
  });
}

/** Enquiries, newest first, optionally of one status. */
export function useEnquiries(status: string) {
  return useQuery({
    queryKey: ['enquiries', status],
    queryFn: ({ signal }) =>
      get<{ items: EnquirySummary[]; nextCursor: string | null }>(
        `/api/enquiries${qs({ status, limit: 200 })}`,
        signal,
      ),
  });
}

/** One enquiry with its steps and candidates. */
export function useEnquiry(id: string) {
  return useQuery({
    queryKey: ['enquiry', id],
    queryFn: ({ signal }) => get<EnquiryDetail>(`/api/enquiries/${id}`, signal),
  });
}

/** Exchange and release lists with their entry counts, newest first. */
export function useExchangeLists() {
  return useQuery({
    queryKey: ['exchange-lists'],
    queryFn: ({ signal }) => get<ExchangeListSummary[]>('/api/exchange-lists', signal),
  });
}

/** One exchange or release list with its entries, their verification and steps. */
export function useExchangeList(id: string) {
  return useQuery({
    queryKey: ['exchange-list', id],
    queryFn: ({ signal }) => get<ExchangeList>(`/api/exchange-lists/${id}`, signal),
  });
}

/** Stored reports with their counts of figures and leads, newest publication first. */
export function useReports() {
  return useQuery({
    queryKey: ['reports'],
    queryFn: ({ signal }) => get<ReportSummary[]>('/api/reports', signal),
  });
}

/** One report with its extraction and leads (the leads' candidates carry registry summaries). */
export function useReport(id: string) {
  return useQuery({
    queryKey: ['report', id],
    queryFn: ({ signal }) => get<ReportDetail>(`/api/reports/${id}`, signal),
  });
}

/** Figures reconciled across all stored reports, with series, framing and the registry's counts. */
export function useReportsReconciliation(enabled = true) {
  return useQuery({
    queryKey: ['reports', 'reconciliation'],
    queryFn: ({ signal }) => get<ReportsReconciliation>('/api/reports/reconciliation', signal),
    enabled,
  });
}
