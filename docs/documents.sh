#!/usr/bin/env bash
# Regenerates the page images of docs/documents.md and prints the samples'
# sizes and page counts: exports with the dafo on PATH (or $DAFO), converts with
# headless LibreOffice, renders pages with pdftoppm at 40 dpi.
set -euo pipefail
cd "$(dirname "$0")/.."
dafo=${DAFO:-dafo}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export DAFO_TODAY=2026-12-06
a=sessions/almendral-plan-servicios-sociales-2023-2026.ron
p=sessions/palencia-ciudad-de-los-cuidados.ron
"$dafo" export "$a" -o "$out/almendral-informe.docx" 2>/dev/null
"$dafo" export "$a" -o "$out/almendral-informe.html" 2>/dev/null
"$dafo" report "$a" --all -o "$out/almendral-seguimiento.docx" 2>/dev/null
"$dafo" export "$p" -o "$out/palencia-informe.docx" 2>/dev/null
"$dafo" export "$p" -o "$out/palencia-informe.html" 2>/dev/null
soffice -env:UserInstallation="file://$out/profile" --headless --convert-to pdf --outdir "$out" "$out"/*.docx >/dev/null 2>&1
page() { pdftoppm -r 40 -png -f "$2" -l "$2" -singlefile "$out/$1.pdf" "docs/images/$3"; }
page almendral-informe 1 informe-almendral-p1-portada
page almendral-informe 2 informe-almendral-p2-indice
page almendral-informe 4 informe-almendral-p4-dafo
page palencia-informe 5 informe-palencia-p5-efi
page almendral-seguimiento 1 seguimiento-almendral-p1-portada
page almendral-seguimiento 3 seguimiento-almendral-p3
page almendral-seguimiento 4 seguimiento-almendral-p4-graficos
for f in "$out"/*.docx "$out"/*.html; do
    name=$(basename "$f")
    pages=""
    [ -f "${f%.*}.pdf" ] && [ "${f##*.}" = docx ] && pages=$(pdfinfo "${f%.*}.pdf" | awk '/^Pages:/ {print $2}')
    printf '%s\t%s B\t%s\n' "$name" "$(stat -c %s "$f")" "${pages:+$pages pages}"
done
