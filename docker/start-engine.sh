#!/usr/bin/env bash
# Makes sure a Docker engine answers: does nothing when one does, otherwise installs Debian's
# docker.io when dockerd is missing and starts dockerd (as root, or through sudo). Never fails: when
# no engine can be started it says why once and exits 1, so callers (.ci/run) go on without Docker.
#
#   docker/start-engine.sh [--quiet]
set -uo pipefail

quiet=false
[ "${1:-}" = "--quiet" ] && quiet=true
say() { $quiet || echo "start-engine: $*" >&2; }
answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1 && answers; then
  say "Docker engine $(docker version --format '{{.Server.Version}}') answers"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
    echo "start-engine: no Docker engine answers and starting one needs root; Docker tests will be skipped" >&2
    exit 1
  fi
  sudo="sudo -n"
fi

if ! command -v dockerd >/dev/null 2>&1; then
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  if ! "$here/../platform/install-toolchain.sh" --quiet docker.io >&2; then
    echo "start-engine: could not install docker.io; Docker tests will be skipped" >&2
    exit 1
  fi
fi

log=/var/log/wasrisc-dockerd.log
say "starting dockerd (log: $log)"
$sudo sh -c "nohup dockerd >>$log 2>&1 &"
for _ in $(seq 1 60); do
  if answers; then
    say "Docker engine $(docker version --format '{{.Server.Version}}') started"
    exit 0
  fi
  sleep 0.5
done
echo "start-engine: dockerd did not answer within 30 s; Docker tests will be skipped. Its log ends:" >&2
$sudo tail -5 "$log" >&2
exit 1
