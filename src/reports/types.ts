/**
 * The shapes the reports engine produces. They mirror the CLI JSON contract (docs/reports.md) so that
 * the registry side can store and show them without translation. Dates are "YYYY-MM-DD" strings.
 */

/** What was counted: the status the figure announces. */
export type FigureCategory =
  | 'surrendered'
  | 'captured'
  | 'evacuated'
  | 'wounded'
  | 'seriously wounded'
  | 'killed'
  | 'dead'
  | 'detained'
  | 'released'
  | 'exchanged'
  | 'missing'
  | 'transferred';

/** How a time window relates to the count: since a start, within a period, or standing at a date. */
export type WindowKind = 'cumulative' | 'period' | 'as_of';

/** A time window resolved against the publication date; `from`/`to` are null when unknown. */
export interface TimeWindow {
  readonly from: string | null;
  readonly to: string | null;
  readonly kind: WindowKind;
}

/** How exact the count is: "more than 50" is `more_than`, "50-60" is `range`, "dozens" is `vague`. */
export type CountQualifier =
  'exact' | 'about' | 'more_than' | 'at_least' | 'fewer_than' | 'at_most' | 'range' | 'vague';

/** One announced figure. `count` is the lower bound for ranges and vague counts ("dozens" → 24). */
export interface Figure {
  readonly count: number;
  readonly max: number | null;
  readonly qualifier: CountQualifier;
  readonly category: FigureCategory;
  readonly population: string | null;
  /** Index (in the same report's figures) of the total this figure is part of, or null. */
  readonly includedIn: number | null;
  readonly window: TimeWindow;
  readonly attributedTo: string | null;
  readonly hedged: boolean;
  readonly sentence: string;
  /** The words that gave the count, as written ("two hundred and sixty-four"). */
  readonly text: string;
  /**
   * Without a publication date, the time words the window was read from, as written ("since
   * Monday", "in the last 24 hours"): the window's dates are then left open, never guessed. Null
   * when the window is resolved or there were no time words.
   */
  readonly relative: string | null;
}

/** One reported step in a person's fate. */
export interface PersonStatus {
  readonly type: FigureCategory | 'hospitalised' | 'sentenced';
  readonly date: string | null;
  readonly place: string | null;
  readonly hedged: boolean;
}

/** A person named in the story (never an author of it). */
export interface PersonMention {
  readonly name: string;
  readonly variants: string[];
  readonly age: number | null;
  readonly rank: string | null;
  readonly role: string | null;
  readonly unit: string | null;
  readonly side: string | null;
  readonly statuses: PersonStatus[];
  readonly attributedTo: string | null;
}

/** Kinds of place the gazetteer knows. */
export type PlaceKind = 'town' | 'region' | 'country' | 'facility' | 'hospital' | 'detention' | 'other';

/** A place named in the story. */
export interface PlaceMention {
  readonly name: string;
  readonly kind: PlaceKind;
}

/** An organisation named in the story. */
export interface OrganizationMention {
  readonly name: string;
  readonly kind:
    'ministry' | 'humanitarian' | 'international' | 'military' | 'government' | 'media' | 'other';
}

/** A quotation with its speaker; `truncated` when the source cut it off. */
export interface Quote {
  readonly text: string;
  readonly speaker: string | null;
  readonly truncated: boolean;
}

/** A framing term and the event concept it names ("evacuation" for the departure from a site). */
export interface FramingTerm {
  readonly term: string;
  readonly for: string;
}

/** A number seen in the text that did not become a figure, and why. */
export interface SkippedNumber {
  readonly text: string;
  readonly reason: string;
  readonly sentence: string;
}

/**
 * Where the publication date came from: given by the caller, the page's metadata, or the text itself
 * (a "Published"/"Updated" line or a dateline, quoted in `text`); null when there is none. `note`
 * says what follows for the windows when the date is missing or was partly inferred.
 */
export interface PublicationDating {
  readonly source: 'given' | 'page' | 'text' | null;
  readonly text: string | null;
  readonly note: string | null;
}

/** Everything extracted from one report. `reason` says why the result is empty, when it is. */
export interface ReportExtraction {
  readonly file: string | null;
  readonly published: string | null;
  readonly dating: PublicationDating;
  readonly publisher: string | null;
  readonly language: string;
  readonly title: string | null;
  readonly figures: Figure[];
  readonly persons: PersonMention[];
  readonly places: PlaceMention[];
  readonly organizations: OrganizationMention[];
  readonly quotes: Quote[];
  readonly authors: string[];
  readonly framing: FramingTerm[];
  /** Sentences that the source cut off (ending in "..." or without an end). */
  readonly truncated: string[];
  readonly skipped: SkippedNumber[];
  readonly reason: string | null;
}

/** What `extractReport` accepts: text or HTML, with what is known about the publication. */
export interface ReportInput {
  readonly text?: string;
  readonly html?: string;
  /** Publication date, YYYY-MM-DD; relative dates ("since Monday") are resolved against it. */
  readonly published?: string;
  readonly publisher?: string;
  /** BCP 47 language tag of the text, when known; anything but English gives an empty result. */
  readonly language?: string;
  readonly file?: string;
}
