#!/usr/bin/env bash
# What the tests need from Debian's packages, installed when missing (run by `npm test` and .ci/run):
# Chromium for browser tests and an emoji font for its screenshots, poppler-utils to read exported
# PDFs, docker-compose to validate docker/compose.yml without an engine.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || need+=(fonts-noto-color-emoji)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing from apt: ${need[*]}"
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
"${sudo[@]}" apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
