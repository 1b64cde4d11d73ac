#!/bin/bash
# First start of the compose PostgreSQL: one role and one database per daemon that has data.
# The daemons create their tables themselves (migrations at start, and wazo-auth-bootstrap).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username postgres \
  -v auth_pw="$WAZO_AUTH_DB_PASSWORD" -v confd_pw="$WAZO_CONFD_DB_PASSWORD" \
  -v dird_pw="$WAZO_DIRD_DB_PASSWORD" <<'SQL'
CREATE ROLE wazo_auth LOGIN PASSWORD :'auth_pw';
CREATE DATABASE wazo_auth OWNER wazo_auth;
CREATE ROLE wazo_confd LOGIN PASSWORD :'confd_pw';
CREATE DATABASE wazo_confd OWNER wazo_confd;
CREATE ROLE wazo_dird LOGIN PASSWORD :'dird_pw';
CREATE DATABASE wazo_dird OWNER wazo_dird;
SQL
