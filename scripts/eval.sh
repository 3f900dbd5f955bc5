#!/usr/bin/env bash
# Measures the PDF text reader on the shared dev corpora: the scorer's per-field table, and how
# many invoices the reader marked ready although a core field is wrong (must be zero).
# Usage: scripts/eval.sh [EINVOICE_BINARY]   (default build/app/einvoice; build first)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/app/einvoice}
shared=../shared
[ -x "$bin" ] || { echo "eval: $bin not found; run scripts/build.sh first" >&2; exit 2; }
for set in dev nordic-dev; do
  out=$(mktemp -d)
  echo "== corpus/$set"
  "$shared/tools/run_extraction.sh" "$bin" "$shared/corpus/$set" "$out" | tail -n 24
  python3 - "$shared/corpus/$set" "$out" <<'PY'
import json, os, sys
from decimal import Decimal
truth_dir, pred_dir = sys.argv[1], sys.argv[2]
core = ["invoice_number", "issue_date", "currency", "total_without_vat", "vat_total", "total_with_vat",
        "seller_name", "buyer_name"]
amounts = {"total_without_vat", "vat_total", "total_with_vat"}
def same(f, t, p):
    if p is None: return False
    if f in amounts:
        try: return Decimal(str(t)) == Decimal(str(p))
        except Exception: return False
    return " ".join(str(t).split()).casefold() == " ".join(str(p).split()).casefold()
ready = wrong = 0
for n in sorted(os.listdir(truth_dir)):
    if not n.endswith(".json"): continue
    p = os.path.join(pred_dir, n)
    if not os.path.exists(p): continue
    try: pred = json.load(open(p))
    except ValueError: continue
    if not pred.get("ready"): continue
    ready += 1
    t = json.load(open(os.path.join(truth_dir, n)))["fields"]
    bad = [f for f in core if t.get(f) is not None and not same(f, t[f], pred["fields"].get(f))]
    if bad:
        wrong += 1
        print("READY BUT WRONG %s: %s" % (n, ", ".join(bad)))
print("ready: %d, ready with a wrong core field: %d" % (ready, wrong))
PY
  rm -rf "$out"
done
