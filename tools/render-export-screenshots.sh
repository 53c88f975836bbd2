#!/usr/bin/env bash
# Renders the PNGs of docs/exports.md from the sample minutes in docs/screenshots/minutes-sample.json
# with the real renderers (built to dist/):
#   docs/screenshots/minutes-pdf.png   first page of minutes.pdf            (pdftoppm, poppler-utils)
#   docs/screenshots/minutes-docx.png  first page of minutes.docx in Writer  (LibreOffice headless)
# Needs: poppler-utils; for the DOCX picture also libreoffice-writer-nogui (apt). The machines have
# no Japanese system font, so Noto Sans JP is copied to ~/.fonts first; Writer then substitutes it
# for Yu Gothic (游ゴシック), the font the DOCX names, much as Word on a PC without Yu Gothic would.
set -euo pipefail
cd "$(dirname "$0")/.."

out=docs/screenshots
sample="$out/minutes-sample.json"
dist=dist/apps/api/apps/api/src/modules/export
if [ ! -f "$dist/pdf.renderer.js" ] || [ "${REBUILD:-}" = 1 ]; then
  NX_DAEMON=false npx nx run api:build --output-style=static
fi
command -v pdftoppm >/dev/null || { echo "pdftoppm missing: apt-get install -y poppler-utils" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/docx"

# The sample as a draft export in Japanese, rendered exactly as GET /api/meetings/:id/minutes.* does.
node - "$dist" "$sample" "$tmp" <<'EOF'
const [dist, sample, tmp] = process.argv.slice(2);
const path = require('node:path');
const fs = require('node:fs');
const { renderMinutesPdf } = require(path.resolve(dist, 'pdf.renderer.js'));
const { renderMinutesDocx } = require(path.resolve(dist, 'docx.renderer.js'));
const doc = JSON.parse(fs.readFileSync(sample, 'utf8'));
const ctx = { lang: 'ja', contentHash: null, exportedAt: new Date(doc.footer.generatedAt) };
(async () => {
  fs.writeFileSync(path.join(tmp, 'minutes.pdf'), await renderMinutesPdf(doc, ctx));
  fs.writeFileSync(path.join(tmp, 'docx', 'minutes.docx'), await renderMinutesDocx(doc, ctx));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
EOF

pdftoppm -f 1 -l 1 -r 100 -png -singlefile "$tmp/minutes.pdf" "$out/minutes-pdf"
echo "wrote $out/minutes-pdf.png"

soffice_bin="$(command -v soffice || command -v libreoffice || true)"
if [ -z "$soffice_bin" ]; then
  echo "LibreOffice not installed: skipped $out/minutes-docx.png (apt-get install -y libreoffice-writer-nogui)" >&2
  exit 0
fi
fonts="$HOME/.fonts"
mkdir -p "$fonts"
for f in 400Regular/NotoSansJP_400Regular.ttf 700Bold/NotoSansJP_700Bold.ttf; do
  cp -n "node_modules/@expo-google-fonts/noto-sans-jp/$f" "$fonts/" 2>/dev/null || true
done
fc-cache -f "$fonts" >/dev/null
# A private profile directory, so a desktop LibreOffice that happens to run is not disturbed.
"$soffice_bin" -env:UserInstallation="file://$tmp/lo-profile" --headless --convert-to pdf --outdir "$tmp/docx" "$tmp/docx/minutes.docx" >/dev/null
pdftoppm -f 1 -l 1 -r 100 -png -singlefile "$tmp/docx/minutes.pdf" "$out/minutes-docx"
echo "wrote $out/minutes-docx.png"
