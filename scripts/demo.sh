#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: installs what is missing, builds, and runs the main
# job on loopback: the reference portal, a sender's agent watching an export folder and a
# receiver's agent fetching incoming invoices. The project's sample invoices are exported, read,
# validated, turned into Peppol BIS 3 UBL, uploaded, routed by the portal to the buyer and
# downloaded by the buyer's agent. Add --keep to leave the portal and both agents running.
set -euo pipefail
cd "$(dirname "$0")/.."
keep=0; [ "${1:-}" = "--keep" ] && keep=1
scripts/install-deps.sh
scripts/build.sh >/dev/null
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen

demo=$PWD/build/demo
bin=$PWD/build
rm -rf "$demo"; mkdir -p "$demo/samples" "$demo/export" "$demo/incoming"
"$bin/resources/samples/einvoice-samplegen" "$demo/samples" >/dev/null

pids=()
cleanup() { [ "$keep" = 1 ] || for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
wait_for() { # seconds, command...
  local t=$1; shift
  for _ in $(seq $((t * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  return 1
}

# 1. The reference portal on loopback (plain HTTP is allowed there only) with the sender's
#    company and the buyers of the sample invoices.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
portal="$bin/portal/einvoice-portal"
db="$demo/portal.sqlite"
token_of() { "$portal" account add "$@" --db "$db" | grep -o '^eip_[A-Za-z0-9_-]*' | head -n1; }
sender_token=$(token_of "Demo Sender AB" --endpoint 0007:5561234567)
buyer_token=$(token_of "Kvarnbacken Fastigheter AB" --endpoint 0007:5569876542)
for e in 0208:0456789133 9946:PT500543216 9930:DE276543216 0192:987654325; do
  token_of "Buyer $e" --endpoint "$e" >/dev/null
done
if [ -z "$sender_token" ] || [ -z "$buyer_token" ]; then
  echo "demo: could not create the portal accounts" >&2; exit 1
fi
"$portal" serve --listen "127.0.0.1:$port" --db "$db" >"$demo/portal.log" 2>&1 & pids+=($!)
wait_for 20 python3 -c "import socket; socket.create_connection(('127.0.0.1',$port),1)"

# 2. Two agents, each with its own data folder, configuration and token file (mode 0600).
umask 077
printf '%s\n' "$sender_token" >"$demo/sender.token"
printf '%s\n' "$buyer_token" >"$demo/buyer.token"
cat >"$demo/sender.ini" <<INI
[agent]
data_dir=$demo/sender
settle_ms=300
[incoming]
folder=$demo/sender/incoming
poll_secs=10
[profile.demo]
display_name=Demo Sender AB
watch_folders=$demo/export
send_policy=auto_send_when_confident
transport=https
portal_url=http://127.0.0.1:$port
token_file=$demo/sender.token
INI
cat >"$demo/buyer.ini" <<INI
[agent]
data_dir=$demo/buyer
[incoming]
folder=$demo/incoming
formats=ubl, pdf
poll_secs=10
[profile.kvarnbacken]
display_name=Kvarnbacken Fastigheter AB
transport=https
portal_url=http://127.0.0.1:$port
token_file=$demo/buyer.token
INI
umask 022
"$bin/app/einvoice-agent" --headless --config "$demo/sender.ini" >"$demo/sender-agent.log" 2>&1 & pids+=($!)
"$bin/app/einvoice-agent" --headless --config "$demo/buyer.ini" >"$demo/buyer-agent.log" 2>&1 & pids+=($!)
wait_for 20 "$bin/app/einvoice" status --config "$demo/sender.ini"
wait_for 20 "$bin/app/einvoice" status --config "$demo/buyer.ini"

# 3. The accounting program "exports" the sample invoices (PDFs, some with an embedded
#    e-invoice, some only printed text; and XML e-invoices).
printf '\n== eInvoice Connector demo: portal at http://127.0.0.1:%s/portal/ ==\n' "$port"
cp "$demo"/samples/*.pdf "$demo"/samples/*.xml "$demo/export/"
n=$(ls "$demo/export" | wc -l)
printf 'exported %d documents into %s\n' "$n" "$demo/export"
settled() {
  "$bin/app/einvoice" status --json --config "$demo/sender.ini" | python3 -c '
import json,sys
c=json.load(sys.stdin)["counts"]
sys.exit(0 if sum(c.get(k,0) for k in ("sent","delivered","needs_review","failed","rejected"))>='"$n"' and c.get("sending",0)==0 else 1)'
}
wait_for 120 settled || echo "demo: not every document was processed in time (see $demo/sender-agent.log)"

printf '\n== the sender'"'"'s send queue ==\n'
"$bin/app/einvoice" queue list --config "$demo/sender.ini"
printf '\n== why some wait for review ==\n'
for id in $("$bin/app/einvoice" queue list --state needs_review --json --config "$demo/sender.ini" |
            python3 -c 'import json,sys; print(" ".join(str(j["id"]) for j in json.load(sys.stdin)["jobs"]))'); do
  "$bin/app/einvoice" queue show "$id" --config "$demo/sender.ini" | sed -n '/Timeline/,$p' | tail -n 4
done

# 4. The buyer's agent polls the portal and downloads what was sent to it.
printf '\n== the buyer'"'"'s incoming folder %s ==\n' "$demo/incoming"
wait_for 60 sh -c "ls '$demo/incoming' | grep -q ." || echo "demo: nothing arrived yet (see $demo/buyer-agent.log)"
ls -1 "$demo/incoming"
# The sender's agent learns that the buyer fetched its invoice at its next status poll.
wait_for 30 sh -c "'$bin/app/einvoice' queue list --state delivered --config '$demo/sender.ini' | grep -q delivered" || true
printf '\n== the sender'"'"'s status after the buyer fetched ==\n'
"$bin/app/einvoice" status --config "$demo/sender.ini"
if [ "$keep" = 1 ]; then
  printf '\nPortal, sender agent and buyer agent keep running (pids %s).\n' "${pids[*]}"
fi
