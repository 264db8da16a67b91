# Finds a Chromium for the browser tests and exports CHROME_PATH; on Debian as root it installs
# Debian's chromium package when none is found (Playwright cannot download browsers here).
find_chromium() {
  if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then return 0; fi
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser \
    "$HOME"/.cache/ms-playwright/chromium-*/chrome-linux*/chrome; do
    if [ -x "$candidate" ]; then export CHROME_PATH="$candidate"; return 0; fi
  done
  return 1
}

ensure_chromium() {
  find_chromium && { echo "chromium: $CHROME_PATH"; return 0; }
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "chromium: not found, installing Debian's chromium package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    find_chromium && { echo "chromium: $CHROME_PATH"; return 0; }
  fi
  echo "No Chromium found for the browser tests. Install one, e.g. 'sudo apt-get install chromium'" >&2
  echo "(Debian/Ubuntu), or point CHROME_PATH at a Chromium or Chrome binary, then run again." >&2
  return 1
}
