#!/usr/bin/env bash
# Builds the toolchain image (docker/Dockerfile) without any registry but Debian's, the Go module
# proxy and crates.io, and tags it by the content of its inputs, so a stale image is told apart:
#
#   docker/build-image.sh [--quiet] [--runners] [--w2c2 SOURCE] [--wamr SOURCE] [--print-tag]
#
#   --runners      also build the wasmtime/wasmer runners (install-runners.sh; about an hour)
#   --w2c2/--wamr  a checkout or .tar.gz of w2c2 / WAMR to build in the image (default: the snapshots
#                  in $WASRISC_THIRD_PARTY or ../shared/third_party, when there; else those pipelines
#                  are skipped in the image, as on any machine without them)
#   --print-tag    print the tag these inputs give (wasrisc/toolchain:<hash>) and whether it is built
#
# The base image debian:bookworm is used when present, pulled when a registry answers, and made
# otherwise with debootstrap from the apt mirror this machine uses (about a minute). The image is
# tagged wasrisc/toolchain:<hash of inputs> and wasrisc/toolchain:latest. Docker's layer cache makes a
# second run take seconds. Prints the tag on its last line of stdout.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
third_party="${WASRISC_THIRD_PARTY:-$root/../shared/third_party}"
repository="wasrisc/toolchain"
base="debian:bookworm"

quiet=false runners=0 print_tag=false w2c2_source="" wamr_source=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quiet) quiet=true ;;
    --runners) runners=1 ;;
    --w2c2) w2c2_source="$2"; shift ;;
    --wamr) wamr_source="$2"; shift ;;
    --print-tag) print_tag=true ;;
    *) echo "usage: $0 [--quiet] [--runners] [--w2c2 SOURCE] [--wamr SOURCE] [--print-tag]" >&2; exit 2 ;;
  esac
  shift
done
say() { $quiet || echo "build-image: $*" >&2; }
[ -n "$w2c2_source" ] || w2c2_source="$(ls "$third_party"/w2c2-*.tar.gz 2>/dev/null | head -1 || true)"
[ -n "$wamr_source" ] || wamr_source="$(ls "$third_party"/wamr-*.tar.gz 2>/dev/null | head -1 || true)"

# The image's Go is the host's version when there is one, so Go guests compile to the same code.
go_version="$(go env GOVERSION 2>/dev/null | sed 's/^go//' || true)"
go_version="${go_version:-1.26.8}"
go_proxy="$(go env GOPROXY 2>/dev/null | cut -d, -f1 || true)"
case "$go_proxy" in http*) ;; *) go_proxy="https://proxy.golang.org" ;; esac

# The build context: only what the Dockerfile copies, so unrelated changes keep the tag.
context="$(mktemp -d "${TMPDIR:-/tmp}/wasrisc-image.XXXXXX")"
trap 'rm -rf "$context"' EXIT
mkdir -p "$context/platform" "$context/sources" "$context/ca"
cp /usr/local/share/ca-certificates/*.crt "$context/ca/" 2>/dev/null || true
cp "$here/Dockerfile" "$context/"
cp "$root/platform/install-toolchain.sh" "$root/platform/install-wasm-tools.sh" "$root/platform/install-runners.sh" \
  "$context/platform/"
if [ "$runners" = 1 ]; then
  (cd "$root/platform" && tar -c --exclude=target runners) | tar -C "$context/platform" -x
fi
pack() { # SOURCE NAME: a .tar.gz as it is, a folder packed without its .git
  if [ -f "$1" ]; then cp "$1" "$context/sources/$2.tar.gz"
  elif [ -d "$1" ]; then tar -C "$(dirname "$1")" -cz --exclude=.git "$(basename "$1")" >"$context/sources/$2.tar.gz"
  else echo "build-image: $2 source $1 is neither a .tar.gz nor a folder" >&2; exit 2; fi
}
[ -z "$w2c2_source" ] || pack "$w2c2_source" w2c2
[ -z "$wamr_source" ] || pack "$wamr_source" wamr

# Archives are hashed by their content, not their timestamps.
hash="$( (cd "$context" && find . -type f ! -name '*.tar.gz' -print0 | sort -z | xargs -0 sha256sum
          for f in sources/*.tar.gz; do [ -f "$f" ] && echo "$f $(gzip -dc "$f" | sha256sum)"; done
          echo "go=$go_version runners=$runners") | sha256sum | cut -c1-12)"
tag="$repository:$hash"

if $print_tag; then
  if docker image inspect "$tag" >/dev/null 2>&1; then echo "$tag built"; else echo "$tag not built"; fi
  exit 0
fi

if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  echo "build-image: no Docker engine answers (docker/start-engine.sh starts one)" >&2
  exit 1
fi

if docker image inspect "$tag" >/dev/null 2>&1; then
  say "$tag is up to date"
  docker tag "$tag" "$repository:latest"
  echo "$tag"
  exit 0
fi

# The base image: present, pulled, or made from Debian's own repository.
if ! docker image inspect "$base" >/dev/null 2>&1; then
  say "pulling $base"
  if ! timeout 60 docker pull -q "$base" >/dev/null 2>&1; then
    mirror="$( (grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}'
               grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}') \
              | grep -v security | head -1 || true)"
    mirror="${mirror:-http://deb.debian.org/debian}"
    say "no registry answered; making $base with debootstrap from $mirror"
    command -v debootstrap >/dev/null 2>&1 || "$root/platform/install-toolchain.sh" --quiet debootstrap >&2
    rootfs="$(mktemp -d "${TMPDIR:-/tmp}/wasrisc-bookworm.XXXXXX")"
    trap 'rm -rf "$context" "$rootfs"' EXIT
    started=$SECONDS
    if ! debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1; then
      echo "build-image: debootstrap failed; its log ends:" >&2; tail -5 "$rootfs.log" >&2; exit 1
    fi
    rm -f "$rootfs.log"
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" -c . | docker import - "$base" >/dev/null
    say "made $base in $((SECONDS - started)) s"
  fi
fi

say "building $tag (go $go_version, w2c2: ${w2c2_source:-none}, wamr: ${wamr_source:-none}, runners: $runners)"
started=$SECONDS
progress=(); $quiet && progress=(-q)
docker build "${progress[@]}" -t "$tag" -t "$repository:latest" --label "dev.wasrisc.inputs=$hash" \
  --build-arg "GO_VERSION=$go_version" --build-arg "GO_PROXY=$go_proxy" --build-arg "RUNNERS=$runners" \
  "$context" >&2
say "built $tag in $((SECONDS - started)) s, $(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}')"
echo "$tag"
