import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the API knows of a signed-in caller, as one fingerprint, and the check that it is still
 * current, for the API's cache of callers (issue 20: fewer round trips per request).
 *
 * The API used to read the user, their grants and their session on every authenticated request,
 * one round trip before any work. A read may now take the caller from a cache in the API's
 * process, on one condition: the request's first statement (or the BEGIN of its first walled
 * transaction, in the same round trip) runs `amparo_assert_current_caller`, which fails with
 * SQLSTATE AM401 when anything the cache holds has changed (status, token version, grants, the
 * fields of the user the API reads) or the session has ended. The API then reads the caller again
 * and serves the request anew. So a disabled user, a revoked grant or a signed-out session takes
 * effect on the very next request, in every API process sharing the database, with no message
 * between processes to be missed or late.
 */
export class CurrentCallerCheck1764000000035 implements MigrationInterface {
  name = 'CurrentCallerCheck1764000000035';

  async up(q: QueryRunner): Promise<void> {
    // The MFA time-stamp only as whether MFA is on (all the caller holds), so that the text does
    // not depend on the session's time zone.
    await q.query(`
      CREATE FUNCTION amparo_caller_fingerprint(p_user uuid) RETURNS text
        LANGUAGE sql STABLE AS $$
        SELECT md5(ROW(u.email::text, u.display_name, u.locale, u.country_code, u.status,
                       u.token_version, u.mfa_enabled_at IS NOT NULL,
                       (SELECT json_agg(json_build_object('role', g.role, 'consulateId', g.consulate_id,
                                                          'countryCode', g.country_code,
                                                          'organisationId', g.organisation_id)
                                        ORDER BY g.id)::text
                          FROM role_grants g WHERE g.user_id = u.id))::text)
          FROM users u WHERE u.id = p_user
      $$`);
    await q.query(`
      CREATE FUNCTION amparo_assert_current_caller(p_user uuid, p_session uuid, p_fingerprint text)
        RETURNS void LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF amparo_caller_fingerprint(p_user) IS DISTINCT FROM p_fingerprint
           OR NOT EXISTS (SELECT 1 FROM refresh_tokens
                           WHERE family_id = p_session AND user_id = p_user AND revoked_at IS NULL
                             AND family_expires_at > now()) THEN
          RAISE EXCEPTION 'The signed-in caller has changed' USING ERRCODE = 'AM401';
        END IF;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION amparo_assert_current_caller(uuid, uuid, text)');
    await q.query('DROP FUNCTION amparo_caller_fingerprint(uuid)');
  }
}
