#!/usr/bin/env bash
# Renders copydesk's HTML report in headless Chromium (Debian's chromium package), takes a
# screenshot, and asserts on the page as the browser built it, scripts run:
#  - the fixture's findings are highlighted in the article and explained beside it;
#  - a draft holding <script> and an onerror handler shows them as text, and neither runs.
# Usage: src/test/browser/html-report.sh [OUTPUT_FOLDER]   (default target/browser)
set -euo pipefail
here="$(cd "$(dirname "$0")/../../.." && pwd)"
out="${1:-$here/target/browser}"
mkdir -p "$out"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "html-report: Chromium is not installed (Debian: apt-get install chromium)" >&2
  exit 2
fi
chrome() {
  # The flags keep a root, offline, headless Chromium from reaching for the network.
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" --virtual-time-budget=2000 "$@" 2>/dev/null
}
fail() { echo "html-report: FAIL: $*" >&2; exit 1; }

cat >"$out/hostile.txt" <<'DRAFT'
The the council met. <script>alert(1)</script> <script>document.title='PWNED'</script> </textarea><img src=x onerror="document.body.setAttribute('data-pwned','yes')"> A source revealed nothing.
DRAFT
"$here/copydesk" check --fail-on never --format html="$out/report.html" "$here/fixtures/energy-talks.md" >/dev/null
"$here/copydesk" check --fail-on never --format html="$out/hostile.html" "$out/hostile.txt" >/dev/null

chrome --window-size=1400,1100 --screenshot="$out/report.png" "file://$out/report.html"
[ -s "$out/report.png" ] || fail "no screenshot"
dom="$(chrome --dump-dom "file://$out/report.html")"
grep -q '<mark class="warning"[^>]*>Chancelor</mark>' <<<"$dom" || fail "the likely typo is not highlighted as a warning"
grep -q 'class="suggestion"[^>]*>reportedly</mark>' <<<"$dom" || fail "the hedge is not highlighted"
grep -q 'class="error promo"' <<<"$dom" || fail "the promotional block is not struck through"
[ "$(grep -o '<li class="finding' <<<"$dom" | wc -l)" -eq 6 ] || fail "expected 6 explained findings (the fixture's expectations: spelling, three unattributed claims, a doubled word, a promotional block)"

hostile="$(chrome --dump-dom "file://$out/hostile.html")"
grep -q '<title>copydesk report</title>' <<<"$hostile" || fail "the draft's script changed the title"
grep -q 'data-pwned' <<<"$(grep -o '<body[^>]*>' <<<"$hostile")" && fail "the draft's onerror handler ran"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' <<<"$hostile" || fail "the draft's script is not shown as text"
[ "$(grep -o '<img' <<<"$hostile" | wc -l)" -eq 0 ] || fail "the draft's img became an element"
echo "html-report: ok (screenshot: $out/report.png)"
