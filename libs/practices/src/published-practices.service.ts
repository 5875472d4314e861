import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PracticeKind } from './good-practice';

/** A published entry of the catalogue, as other contexts' reports list it. */
export interface PublishedPractice {
  id: string;
  kind: PracticeKind;
  titleEs: string | null;
  titleEn: string | null;
  countries: string[];
  problem: string;
  action: string;
  publishedAt: Date;
}

/**
 * The published catalogue for reports that run without a caller (the regional semester report in
 * the worker). Published entries are public to the network; drafts and withdrawn ones never leave.
 */
@Injectable()
export class PublishedPracticesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Entries published from `from` to `to` (ISO dates, inclusive) and still published. */
  async publishedBetween(from: string, to: string): Promise<PublishedPractice[]> {
    return this.dataSource.query<PublishedPractice[]>(
      `SELECT p.id, p.kind, p.title_es AS "titleEs", p.title_en AS "titleEn", p.countries,
              p.problem, p.action, p.published_at AS "publishedAt"
         FROM good_practices p
        WHERE p.status = 'published' AND p.published_at >= $1::date
          AND p.published_at < $2::date + 1
        ORDER BY p.published_at, p.id`,
      [from, to],
    );
  }
}
