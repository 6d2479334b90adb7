#!/bin/sh
# Install the web view's JavaScript libraries from the npm registry (pinned by
# src/accord/web/package-lock.json) and copy their minified builds into
# src/accord/web/static/vendor/, which ships with the package: the web view never loads a CDN.
# Run by `make setup` when the files are missing; needs node and npm at build time only.
set -eu
cd "$(dirname "$0")/../src/accord/web"
if ! command -v npm >/dev/null 2>&1; then
  echo "build_web_assets: npm not found; install Node.js (apt-get install -y nodejs npm) and run again" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
mkdir -p static/vendor
cp node_modules/echarts/dist/echarts.min.js static/vendor/echarts.min.js
cp node_modules/echarts/LICENSE static/vendor/echarts.LICENSE.txt
echo "build_web_assets: echarts $(node -p "require('./node_modules/echarts/package.json').version") -> src/accord/web/static/vendor/"
