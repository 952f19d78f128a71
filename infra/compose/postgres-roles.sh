#!/usr/bin/env bash
# PostgreSQL's entrypoint runs this once, on an empty data folder (infra/compose.yaml): the platform's database, its
# owner (migrations only), the row-level-security role and the nodes' login, as ADR-006 and infra/cluster.sh have them.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$PLATFORM_OWNER_PASSWORD" -v node_password="$PLATFORM_NODE_PASSWORD" <<'SQL'
CREATE ROLE platform_app NOLOGIN;
CREATE ROLE platform_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE platform_node LOGIN PASSWORD :'node_password' IN ROLE platform_app;
CREATE DATABASE platform OWNER platform_owner;
SQL
