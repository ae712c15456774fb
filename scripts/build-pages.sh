#!/bin/sh
# Builds the two pages into dist/: index.html (the form page, first load) and tools.html (the full
# app: drafts, files, review, report, export). Trunk builds one HTML file per run, so the tools page
# is built into a staging directory and merged; sw.js is then written for both pages' files.
set -eu
cd "$(dirname "$0")/.."
trunk build --release --dist dist
trunk build tools.html --release --dist target/dist-tools
cp target/dist-tools/index.html dist/tools.html
for f in target/dist-tools/*; do
  case "$(basename "$f")" in index.html|sw.js) ;; *) cp "$f" dist/ ;; esac
done
node tools/service-worker.mjs dist
