#!/usr/bin/env bash
# Debian's chromium and chromedriver for the dashboard's browser tests. The tests drive /usr/bin/chromium through
# /usr/bin/chromedriver; a browser downloaded by a test tool would not run here (and would need the internet).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo -n); fi
export DEBIAN_FRONTEND=noninteractive
echo "installing Debian's chromium and chromium-driver for the dashboard's browser tests"
if ! "${as_root[@]}" apt-get install -y -q chromium chromium-driver >/dev/null; then
  # a machine whose package lists are stale or missing
  "${as_root[@]}" apt-get update -q >/dev/null
  "${as_root[@]}" apt-get install -y -q chromium chromium-driver >/dev/null
fi
/usr/bin/chromium --version
