#!/usr/bin/env bash
# Runs every test of telraam on a fresh machine: installs the system tools the
# end-to-end and schema tests use (tmux, xmllint, pdftotext) when they are missing,
# then runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} for the end-to-end and schema tests"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo test --all-targets --locked "$@"
