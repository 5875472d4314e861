import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Bilingual, NONE_LABEL, UNKNOWN_LABEL } from '../model/code-labels';
import { DirectoryCodeList } from '../model/dimensions';

/**
 * Labels for codes that live in the directory (countries, posts, subdivisions) or the crisis
 * context (events, by name), both languages.
 */
@Injectable()
export class CodeLabelResolver {
  async labels(
    manager: EntityManager,
    list: DirectoryCodeList,
    codes: readonly string[],
  ): Promise<Map<string, Bilingual>> {
    const labels = new Map<string, Bilingual>(codes.map((c) => [c, { es: c, en: c }]));
    if (labels.has('_U')) labels.set('_U', UNKNOWN_LABEL);
    if (labels.has('_Z')) labels.set('_Z', NONE_LABEL);
    const sql = LABEL_QUERIES[list];
    if (!sql || codes.length === 0) return labels;
    const rows: { code: string; es: string; en: string }[] = await manager.query(sql, [codes]);
    for (const { code, es, en } of rows) labels.set(code, { es, en });
    return labels;
  }
}

const LABEL_QUERIES: Partial<Record<DirectoryCodeList, string>> = {
  country: `SELECT code::text AS code, name_es AS es, name_en AS en
              FROM countries_for_statistics WHERE code = ANY($1::text[])`,
  consulate: `SELECT sending_country_code || '-' || post_code AS code, name AS es, name AS en
                FROM consulates_for_statistics WHERE sending_country_code || '-' || post_code = ANY($1::text[])`,
  subdivision: `SELECT code, name AS es, name AS en FROM subdivisions_for_statistics WHERE code = ANY($1::text[])`,
  crisis_event: `SELECT id::text AS code, name AS es, name AS en
                   FROM crisis_events_for_statistics WHERE id::text = ANY($1::text[])`,
};
