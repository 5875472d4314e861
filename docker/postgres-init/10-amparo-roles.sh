#!/bin/sh
# Run once by the postgres image, on an empty data directory (mounted at /docker-entrypoint-initdb.d).
# Creates the roles Amparo connects as, so that nothing but the database administrator
# (POSTGRES_USER) is a superuser:
#   amparo_owner     runs the migrations and owns the schema (the database's owner; no superuser)
#   amparo_app       privileges of the API and the worker, granted by the migrations: read and
#                    write the registry, only add to the audit log, own nothing (no login)
#   amparo_app_login what the API and the worker log in as: a member of amparo_app, nothing more
#   amparo_scoped    the role of every transaction that touches cases or persons (SET LOCAL ROLE),
#                    bound by their row-level security policies; the migrations grant it the
#                    privileges of amparo_app, and amparo_app's members may take it (no login)
# Passwords come from the environment, never from the repository.
set -eu
: "${AMPARO_DB_OWNER_PASSWORD:?set AMPARO_DB_OWNER_PASSWORD}"
: "${AMPARO_DB_APP_PASSWORD:?set AMPARO_DB_APP_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v db="$POSTGRES_DB" \
  -v owner_password="$AMPARO_DB_OWNER_PASSWORD" \
  -v app_password="$AMPARO_DB_APP_PASSWORD" <<'SQL'
CREATE ROLE amparo_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS
  PASSWORD :'owner_password';
-- The database's owner owns its public schema (PostgreSQL 15+) and may create the trusted
-- extensions the migrations need (pgcrypto, pg_trgm, unaccent, citext).
ALTER DATABASE :"db" OWNER TO amparo_owner;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;

CREATE ROLE amparo_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO amparo_app;

CREATE ROLE amparo_app_login LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS
  PASSWORD :'app_password';
GRANT amparo_app TO amparo_app_login;

CREATE ROLE amparo_scoped NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
GRANT amparo_scoped TO amparo_app;
SQL
