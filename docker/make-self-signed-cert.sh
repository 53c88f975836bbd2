#!/usr/bin/env bash
# A self-signed TLS certificate for the compose proxy (docker/certs/tls.crt and tls.key), valid
# for localhost and the names or addresses given as arguments (e.g. the hall server's LAN address):
#   docker/make-self-signed-cert.sh yoriai.example.lg.jp 192.168.10.5
# Browsers warn once about a self-signed certificate; for a public server use your own (e.g. from
# your LGWAN CA or Let's Encrypt) under the same two file names. Existing files are kept.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/certs"
mkdir -p "$dir"
if [ -s "$dir/tls.crt" ] && [ -s "$dir/tls.key" ]; then
  echo "keeping the certificate in $dir"
  exit 0
fi
san="DNS:localhost,IP:127.0.0.1"
for name in "$@"; do
  if [[ "$name" =~ ^[0-9.]+$ || "$name" == *:* ]]; then san="$san,IP:$name"; else san="$san,DNS:$name"; fi
done
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 825 -subj "/CN=Yoriai" \
  -addext "subjectAltName=$san" -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null
chmod 600 "$dir/tls.key"
echo "wrote $dir/tls.crt ($san)"
