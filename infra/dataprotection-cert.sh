#!/usr/bin/env bash
# Makes a self-signed certificate that encrypts the Data Protection key ring at rest (docs/operations.md "Data
# Protection keys"), as a PKCS#12 file, unless the file exists. For loopback clusters, benchmarks and trials; in
# production the certificate is a secret of the deployment.
#   infra/dataprotection-cert.sh FILE.pfx PASSWORD
set -euo pipefail
out=${1:?pfx file}
password=${2:?password}
[ -f "$out" ] && exit 0
key=$(mktemp); crt=$(mktemp)
trap 'rm -f "$key" "$crt"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=Jobcenter-Plattform Data Protection" \
  -keyout "$key" -out "$crt" 2>/dev/null
openssl pkcs12 -export -inkey "$key" -in "$crt" -passout "pass:$password" -out "$out"
