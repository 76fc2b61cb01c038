#!/bin/sh
# Regenerates docs/publish-index.png and docs/publish-actions.png: the bundled
# Almendral plan published (as on 1 March 2025) and shot in headless Chromium,
# then reduced to 64 colours (pngquant, apt-get install pngquant) so the pictures stay small.
# Run from the repository root after `cargo build`.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
DAFO_TODAY=2025-03-01 target/debug/dafo publish sessions/almendral-plan-servicios-sociales-2023-2026.ron -o "$tmp/site" >/dev/null
for page in index actions; do
    HOME="$tmp" chromium --headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$tmp/profile" --hide-scrollbars --window-size=900,1250 \
        --screenshot="$tmp/$page.png" "file://$tmp/site/$page.html" 2>/dev/null
    pngquant --force --strip 64 --output "docs/publish-$page.png" "$tmp/$page.png"
done
