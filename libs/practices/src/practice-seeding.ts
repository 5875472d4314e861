import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PracticeInput } from './good-practice';

/**
 * Published entries written straight in, for the synthetic demo network: idempotent by country and
 * Spanish title, so a second run creates nothing. Never for real data, which goes through review.
 */
@Injectable()
export class PracticeSeeding {
  async ensurePublished(
    manager: EntityManager,
    practice: PracticeInput & { countryCode: string; submittedBy: string },
  ): Promise<boolean> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO good_practices (kind, country_code, title_es, title_en, countries, categories, flags, problem,
          action, results, contacts, semester, status, submitted_by, submitted_at, published_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'published', $13, now(), now()
        WHERE NOT EXISTS (SELECT 1 FROM good_practices WHERE country_code = $2 AND title_es IS NOT DISTINCT FROM $3)
       RETURNING id`,
      [
        practice.kind,
        practice.countryCode,
        practice.titleEs ?? null,
        practice.titleEn ?? null,
        practice.countries,
        practice.categories ?? [],
        practice.flags ?? [],
        practice.problem,
        practice.action,
        practice.results ?? '',
        practice.contacts ?? '',
        practice.semester ?? null,
        practice.submittedBy,
      ],
    );
    return rows.length > 0;
  }
}
