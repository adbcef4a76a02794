// Types of nianbao's results: the JSON contract of `nianbao check --format json` (src/api.rs,
// pinned by tests/contract.rs). Positions are UTF-16: they index JavaScript strings.

/** Options of `check` and `checkElement`. */
export interface CheckOptions {
  /** How to read the input (default "auto": HTML when it looks like markup). Ignored by checkElement. */
  kind?: "auto" | "text" | "html";
  /** Language of messages (default "zh"). */
  lang?: "zh" | "en";
  /** A file name, echoed in the result's `file`. */
  file?: string;
  /** Last year's report from the same body (text or HTML), for the cross-year rules (Y-*). */
  previous?: string;
  /** Run only these rules: codes ("T3-2"), names, families ("T3", "requests") or "ALL". */
  select?: string[];
  /** Do not run these rules (same forms as `select`). */
  ignore?: string[];
  /** Severity overrides, e.g. { "T3-6": "warning" }. */
  severity?: Record<string, Severity>;
}

export type Severity = "error" | "warning" | "notice";
export type TableName = "requests" | "reviewLitigation" | "active";

/** A cell named by table, row key (`values` for table 四) and 0-based value column. */
export interface CellRef {
  table: TableName;
  row: string;
  column: number;
}

/** A place in the source: 1-based line and column, 0-based offset, all in UTF-16 units. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface RelatedLocation extends Position {
  message: string;
  cell: CellRef | null;
}

export interface Fix {
  message: string;
  /** The value the cell should hold, when one cell is implied. */
  replacement: string | null;
  cell: CellRef | null;
}

export interface Diagnostic extends Position {
  /** Stable rule code, e.g. "T3-2". */
  code: string;
  /** Stable rule name, e.g. "column-total-mismatch". */
  name: string;
  severity: Severity;
  /** "violation": the report is wrong; "needsReview": a person must look (e.g. an ambiguous reading). */
  outcome: "violation" | "needsReview";
  message: string;
  endLine: number;
  endColumn: number;
  /** Length in UTF-16 units from `offset`. */
  length: number;
  cell: CellRef | null;
  related: RelatedLocation[];
  /** The arithmetic and other details, e.g. "20 + 0 ≠ 21 + 1". */
  notes: string[];
  fix: Fix | null;
}

export interface Cell extends Partial<Position> {
  /** The text as printed. */
  raw: string;
  kind: "number" | "blank" | "dash" | "unreadable" | "ambiguous" | "missing";
  value?: number;
  signed?: boolean;
  unit?: string;
  /** For `ambiguous`: every value the glued digits allow. */
  candidates?: number[];
  length?: number;
  /** Where the cell sits in an HTML table (document order of tables, expanded grid). */
  grid?: { table: number; row: number; col: number };
}

export interface Row {
  label: string;
  /** Numbers by column; null where the cell holds no number. */
  values: (number | null)[];
  cells: Cell[];
  candidates?: number[][];
  extraValues?: string[];
  columns?: string[];
  [key: string]: unknown;
}

/** A row the report adds itself to table 三 (a subtotal, its own sub-item); findings name it by `key` (`extra:N`). */
export interface ExtraRow extends Row {
  key: string;
  group: string;
  /** The template row it follows. */
  after: string | null;
}

export interface Section extends Position {
  number: number;
  key: string;
  heading: string;
}

/** A part of the report that could not be checked in full. */
export interface Unchecked {
  /** "active" | "requests" | "reviewLitigation" (the tables), "sections" or "report". */
  part: string;
  /** "notReport" | "formatUnknown" | "cut" | "notFound" | "noNumbers" | "scrambled" | "rowsMissing" | "cellsUnread" | "blankCells" */
  reason: string;
  /** The rules that could not run on it, in full or in part. */
  rules: string[];
  message: string;
}

export interface CheckResult {
  file: string;
  document: {
    /** "2021" | "2019" | "pre2019" | "unknown" */
    format: string;
    year: number | null;
    title: string | null;
    agency: string | null;
    published: string | null;
    inputKind: "text" | "html";
    formatEvidence: { signals2021: string[]; signals2019: string[]; signalsPre2019: string[]; reason: string };
    /** `title`: the year in the title, or in the opening sentence that names the report when there is no title. */
    yearEvidence: { title: number | null; period: number | null; published: number | null };
    /** Where the agency was read (`title` | `opening` | `pageTitle` | `compiler` | `signature` | `contact` | `header` | `metaField` | `subject` | `account`);
     *  `selfReference` when only a self-reference such as 我局 named the body (then `agency` is null). */
    agencyEvidence: { source: string | null; words: string | null; fullerFrom: string | null; selfReference: string | null };
    sections: Section[];
    /** Whether the text looks like an annual report at all (false: a news item, say; nothing was checked). */
    isReport: boolean;
    /** The signs of a report that were found (a title naming it, section headings, tables…). */
    reportEvidence: string[];
    /** Where the text stops before the report does (a cut page, a partial paste), or null. */
    cut: (Position & { section: number; table: "active" | "requests" | "reviewLitigation" | null; reason: "midSentence" | "inTable" | "earlyEnd" }) | null;
  };
  tables: {
    /** 表三: rows by key (`new`, `carried_over`, `granted`, …, `total`, `carried_forward`). */
    /** `extraRows`: rows the report adds itself (a subtotal, its own sub-item); a finding's `cell.row` names one by its `key`, `extra:N`. */
    requests: { rows: Record<string, Row>; extraRows: ExtraRow[]; columns: string[] } | null;
    /** 表四: one row of 15 values. */
    reviewLitigation: (Row & { columns: string[] }) | null;
    /** 表二: rows by key (`regulations`, `normative_documents`, `licensing`, …). */
    active: Record<string, Row> | null;
  };
  diagnostics: Diagnostic[];
  summary: {
    errors: number;
    warnings: number;
    notices: number;
    /** Findings whose outcome is `needsReview`. */
    needsReview: number;
    /** "pass": no error and everything checked; "fail": an error; "incomplete": no error but `unchecked` is not empty; "notReport". */
    verdict: "pass" | "fail" | "incomplete" | "notReport";
    /** What could not be checked. Never call a report passing while this is not empty. */
    unchecked: Unchecked[];
  };
  timing: { checkMs: number };
}

/** `checkElement`'s result: every finding, related location and table cell carries its element. */
export interface CheckElementResult extends CheckResult {
  diagnostics: (Diagnostic & { element: Element | null; related: (RelatedLocation & { element: Element | null })[] })[];
  tables: {
    requests: { rows: Record<string, Row & { cells: (Cell & { element: Element | null })[] }>; extraRows: (ExtraRow & { cells: (Cell & { element: Element | null })[] })[]; columns: string[] } | null;
    reviewLitigation: (Row & { cells: (Cell & { element: Element | null })[]; columns: string[] }) | null;
    active: Record<string, Row & { cells: (Cell & { element: Element | null })[] }> | null;
  };
}

export interface ReadFileResult {
  /** The decoded text (`.docx` converted to HTML). */
  text: string;
  kind: "text" | "html";
  /** The encoding used, e.g. "UTF-8", "GBK", "gb18030". */
  encoding: string;
  notes: string[];
}

export interface RuleInfo {
  code: string;
  name: string;
  family: string;
  severity: Severity;
  formats: string[];
  summary: string;
  what: string;
  why: string;
  basis: string;
  fails: string;
  passes: string;
  needsPrevious: boolean;
}
