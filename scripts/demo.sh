#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: installs what is missing, builds, and runs the main
# job. For now: renders the project's own sample invoices, reads each one, converts it to a
# validated Peppol BIS 3 e-invoice and prints a readable summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh >/dev/null
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"

demo=build/demo
rm -rf "$demo"; mkdir -p "$demo/samples" "$demo/out"
einvoice=build/app/einvoice
build/resources/samples/einvoice-samplegen "$demo/samples" >/dev/null

printf '\n== eInvoice Connector demo: sample invoices -> Peppol BIS Billing 3.0 ==\n'
ok=0; review=0
for pdf in "$demo"/samples/*.pdf; do
  name=$(basename "$pdf" .pdf)
  printf '\n--- %s ---\n' "$name"
  "$einvoice" show "$pdf" | sed -n '1,4p'
  if "$einvoice" convert "$pdf" -o "$demo/out/$name.ubl.xml" 2>"$demo/out/$name.err"; then
    "$einvoice" validate "$demo/out/$name.ubl.xml" | tail -n 1
    ok=$((ok + 1))
  else
    echo "needs review:"; sed 's/^/  /' "$demo/out/$name.err"
    review=$((review + 1))
  fi
done
printf '\n== %d converted to Peppol UBL in %s, %d need review ==\n' "$ok" "$demo/out" "$review"
