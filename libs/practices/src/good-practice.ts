import { CaseCategory, VulnerabilityFlag } from '@amparo/cases';

export const PRACTICE_KINDS = ['practice', 'protocol', 'agreement', 'law'] as const;
export type PracticeKind = (typeof PRACTICE_KINDS)[number];

export const PRACTICE_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'published',
  'withdrawn',
] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/** `2026-S1`: the semester of the comparative matrix a law or policy belongs to. */
export const SEMESTER = /^\d{4}-S[12]$/;

export interface GoodPractice {
  id: string;
  kind: PracticeKind;
  /** The submitting country; always among `countries`. */
  countryCode: string;
  titleEs: string | null;
  titleEn: string | null;
  countries: string[];
  categories: CaseCategory[];
  flags: VulnerabilityFlag[];
  problem: string;
  action: string;
  results: string;
  contacts: string;
  semester: string | null;
  status: PracticeStatus;
  reviewComment: string | null;
  submittedBy: string;
  submittedAt: Date | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface PracticeInput {
  kind: PracticeKind;
  titleEs?: string | null;
  titleEn?: string | null;
  countries: string[];
  categories?: CaseCategory[];
  flags?: VulnerabilityFlag[];
  problem: string;
  action: string;
  results?: string;
  contacts?: string;
  semester?: string | null;
}

export type PracticeChanges = Partial<PracticeInput>;

export interface PracticeFilters {
  q?: string;
  country?: string;
  category?: string;
  flag?: string;
  kind?: string;
  status?: string;
  sort?: string;
  cursor?: string;
  limit?: number;
}

export const PRACTICE_COLUMNS = `SELECT p.id, p.kind, p.country_code AS "countryCode", p.title_es AS "titleEs",
  p.title_en AS "titleEn", p.countries, p.categories, p.flags, p.problem, p.action, p.results, p.contacts,
  p.semester, p.status, p.review_comment AS "reviewComment", p.submitted_by AS "submittedBy",
  p.submitted_at AS "submittedAt", p.reviewed_by AS "reviewedBy", p.reviewed_at AS "reviewedAt",
  p.published_at AS "publishedAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.version`;

/** The searchable text, exactly as the trigram index of migration 1764000000031 is built. */
export const PRACTICE_SEARCH_TEXT = `coalesce(p.title_es, '') || ' ' || coalesce(p.title_en, '') || ' ' || p.problem || ' ' || p.action || ' ' || p.results`;

export interface PracticeDocument {
  id: string;
  practiceId: string;
  filename: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export const DOCUMENT_COLUMNS = `SELECT d.id, d.practice_id AS "practiceId", d.filename, d.size_bytes AS "sizeBytes",
  d.sha256, d.uploaded_by AS "uploadedBy", d.uploaded_at AS "uploadedAt"`;
