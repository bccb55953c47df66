#!/usr/bin/env bash
# Renders a Headcount report in Debian's headless chromium with the network off and screenshots it.
#   docs/render_report.sh report.html docs/report.png [WIDTH HEIGHT]
# Installs chromium with apt-get when it is missing. The network is cut with a fresh network
# namespace (unshare -n) when allowed, else chromium is pointed at an unreachable proxy and resolver,
# so anything the page tried to fetch would fail: the screenshot shows only what the file holds.
set -euo pipefail
html=$(realpath "$1"); png=$2; width=${3:-1280}; height=${4:-2400}
if ! command -v chromium >/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
       --proxy-server=127.0.0.1:9 --host-resolver-rules="MAP * ~NOTFOUND"
       --window-size="$width,$height" --screenshot="$(realpath -m "$png")" "file://$html")
if unshare -n true 2>/dev/null; then
  unshare -n chromium "${flags[@]}" 2>/dev/null
else
  chromium "${flags[@]}" 2>/dev/null
fi
python3 - "$png" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
print(f"{sys.argv[1]}: {w}x{h} PNG, {len(data)} bytes")
PY
