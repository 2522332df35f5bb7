#!/usr/bin/env bash
# Builds the tools of the w2c2 and wamr pipelines, which no package registry has, from source:
#   w2c2 + w2c2_base.h     (github.com/turbolent/w2c2, verified at 2a31254)
#   wamrc + the WAMR tree  (github.com/bytecodealliance/wasm-micro-runtime, verified at 646b5a9;
#                           the wamr pipelines compile WAMR's runtime core from the tree)
#
#   platform/install-wasm-tools.sh [--quiet] [--w2c2 SOURCE] [--wamr SOURCE]
#
# SOURCE is a checkout (a folder) or a .tar.gz snapshot of the repository. Without one, the
# snapshots in $WASRISC_THIRD_PARTY (default: ../shared/third_party next to this clone) are used
# when they are there, and the tool is left alone otherwise. Installs under $PREFIX (default
# /usr/local): bin/w2c2, include/w2c2_base.h, bin/wamrc, src/wasm-micro-runtime. Idempotent: a
# tool installed from the same source (by content hash) is not built again; an interrupted build
# starts over and installs nothing half-built (binaries are moved into place whole). wamrc needs Debian's llvm-19-dev,
# cmake and g++ (installed through install-toolchain.sh). A failed build is reported and the
# tool's cells are then skipped with that reason: this script never fails the command that runs it.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="${PREFIX:-/usr/local}"
third_party="${WASRISC_THIRD_PARTY:-$here/../../shared/third_party}"
third_party="$(cd "$third_party" 2>/dev/null && pwd || echo "$third_party")"
state="$prefix/share/wasrisc/wasm-tools"
quiet=""
w2c2_source=""
wamr_source=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quiet) quiet=1 ;;
    --w2c2) w2c2_source="$2"; shift ;;
    --wamr) wamr_source="$2"; shift ;;
    *) echo "usage: $0 [--quiet] [--w2c2 SOURCE] [--wamr SOURCE]" >&2; exit 2 ;;
  esac
  shift
done
say() { [ -n "$quiet" ] || echo "install-wasm-tools: $*" >&2; }
warn() { echo "install-wasm-tools: $*" >&2; }

[ -n "$w2c2_source" ] || w2c2_source="$(ls "$third_party"/w2c2-*.tar.gz 2>/dev/null | head -1)"
[ -n "$wamr_source" ] || wamr_source="$(ls "$third_party"/wamr-*.tar.gz 2>/dev/null | head -1)"

# What identifies a source: an archive's hash, a git checkout's commit (plus local changes).
source_id() {
  if [ -f "$1" ]; then
    sha256sum "$1" | cut -d' ' -f1
  elif git -C "$1" rev-parse HEAD >/dev/null 2>&1; then
    echo "$(git -C "$1" rev-parse HEAD)$(git -C "$1" status --porcelain | sha256sum | cut -c1-12)"
  else
    find "$1" -type f -not -path '*/.git/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
  fi
}

# Unpacks or copies SOURCE into a fresh folder DIR; prints the tree's top folder.
unpack() {
  local source="$1" dir="$2"
  rm -rf "$dir" && mkdir -p "$dir"
  if [ -f "$source" ]; then
    tar -C "$dir" -xzf "$source" || return 1
    local top
    top="$(find "$dir" -mindepth 1 -maxdepth 1 -type d | head -1)"
    echo "${top:-$dir}"
  else
    cp -a "$source/." "$dir/" || return 1
    echo "$dir"
  fi
}

installed_from() { [ -f "$state/$1" ] && [ "$(cat "$state/$1")" = "$2" ]; }
record() { mkdir -p "$state" && echo "$2" > "$state/$1.tmp" && mv "$state/$1.tmp" "$state/$1"; }

# Builds happen in fixed folders under $PREFIX/src, so that building the same source again gives
# the same binaries (paths reach them through assert messages), and so the same cache keys:
# WASRISC knows w2c2 and wamrc by their binaries' hashes.
build_w2c2() {
  local source="$1" id tree dir="$prefix/src/w2c2"
  id="$(source_id "$source")"
  if installed_from w2c2 "$id" && [ -x "$prefix/bin/w2c2" ]; then
    say "w2c2 is installed from $source"
    return 0
  fi
  tree="$(unpack "$source" "$dir")" || { warn "cannot unpack $source"; return 1; }
  [ -f "$tree/w2c2/Makefile" ] || { warn "$source has no w2c2/Makefile: not a w2c2 tree"; return 1; }
  "$here/install-toolchain.sh" --quiet make || return 1
  say "building w2c2 from $source"
  if ! make -C "$tree/w2c2" -j"$(nproc)" >"$dir.log" 2>&1; then
    warn "building w2c2 failed; the end of $dir.log:"
    tail -15 "$dir.log" >&2
    return 1
  fi
  install -D -m755 "$tree/w2c2/w2c2" "$prefix/bin/w2c2.new" && mv "$prefix/bin/w2c2.new" "$prefix/bin/w2c2"
  install -D -m644 "$tree/w2c2/w2c2_base.h" "$prefix/include/w2c2_base.h.new" \
    && mv "$prefix/include/w2c2_base.h.new" "$prefix/include/w2c2_base.h"
  record w2c2 "$id"
  say "installed $prefix/bin/w2c2 and $prefix/include/w2c2_base.h"
}

# The wamr pipelines compile WAMR's runtime core from the tree, so it is built where it stays
# (the build happens in wamr-compiler/ and leaves core/ as it was); a failed build puts the
# previous tree back.
build_wamr() {
  local source="$1" id tree dest="$prefix/src/wasm-micro-runtime"
  id="$(source_id "$source")"
  if installed_from wamr "$id" && [ -x "$prefix/bin/wamrc" ] && [ -f "$dest/core/version.h" ]; then
    say "wamrc and the WAMR tree are installed from $source"
    return 0
  fi
  "$here/install-toolchain.sh" --quiet llvm-19-dev cmake g++ make || return 1
  rm -rf "$dest.old" "$dest.unpack" && { [ ! -e "$dest" ] || mv "$dest" "$dest.old"; }
  restore() { rm -rf "$dest"; [ ! -e "$dest.old" ] || mv "$dest.old" "$dest"; }
  tree="$(unpack "$source" "$dest.unpack")" || { warn "cannot unpack $source"; restore; return 1; }
  mv "$tree" "$dest" && rm -rf "$dest.unpack"
  if [ ! -f "$dest/core/version.h" ] || [ ! -d "$dest/wamr-compiler" ]; then
    warn "$source is not a WAMR tree (no core/version.h, wamr-compiler/)"; restore; return 1
  fi
  say "building wamrc from $source (about 90 s on 2 cores)"
  if ! (cd "$dest/wamr-compiler" && cmake -DWAMR_BUILD_WITH_CUSTOM_LLVM=1 -DLLVM_DIR=/usr/lib/llvm-19/lib/cmake/llvm . \
        && make -j"$(nproc)") >"$dest.log" 2>&1; then
    warn "building wamrc failed; the end of $dest.log:"
    tail -15 "$dest.log" >&2
    restore
    return 1
  fi
  install -D -m755 "$dest/wamr-compiler/wamrc" "$prefix/bin/wamrc.new" && mv "$prefix/bin/wamrc.new" "$prefix/bin/wamrc"
  rm -rf "$dest.old"
  record wamr "$id"
  say "installed $prefix/bin/wamrc and $dest"
}

if [ -n "$w2c2_source" ]; then
  build_w2c2 "$w2c2_source" || warn "w2c2 cells will be skipped"
elif ! command -v w2c2 >/dev/null 2>&1; then
  say "no w2c2 source (give --w2c2 CHECKOUT_OR_TAR_GZ, or put w2c2-*.tar.gz in $third_party): w2c2 cells are skipped"
fi
if [ -n "$wamr_source" ]; then
  build_wamr "$wamr_source" || warn "wamr cells will be skipped"
elif ! command -v wamrc >/dev/null 2>&1; then
  say "no WAMR source (give --wamr CHECKOUT_OR_TAR_GZ, or put wamr-*.tar.gz in $third_party): wamr cells are skipped"
fi
exit 0
