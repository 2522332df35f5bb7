#!/usr/bin/env bash
# Opt-in installer step for ZisK's emulator (issue 17): builds `ziskemu` from crates.io at a pinned
# version, with its `float` feature. Slow (about 18 minutes on 2 cores: it pulls in the prover's C++
# library), so the README's commands do not run it; the zisk cells are skipped, naming this script,
# until it ran.
#
#   platform/install-zisk.sh
#
# Installs $WASRISC_ZISK_DIR/bin/ziskemu (default /usr/local/lib/wasrisc/zisk), where the Java side
# looks. Idempotent: a binary built from the same version is kept; an interrupted build resumes
# from its work folder ($WASRISC_ZISK_WORK, default ~/.cache/wasrisc/zisk-build).
#
# Why not a plain `cargo install ziskemu --features float`: as published, zisk-riscv and
# zisk-transpiler-wasm include_bytes! a `lib-float/` path outside their crates, so the float
# feature (which every Go module needs: Go's runtime uses floating point) does not build from
# crates.io. The crates are unpacked here, unchanged but for that one path, which is pointed at
# the ziskfloat.elf the zisk-lib-float crate ships, and patched in with [patch.crates-io].
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="1.4.0-alpha"
dest="${WASRISC_ZISK_DIR:-/usr/local/lib/wasrisc/zisk}"
work="${WASRISC_ZISK_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/wasrisc/zisk-build}"

if [ -x "$dest/bin/ziskemu" ] && [ "$(cat "$dest/version" 2>/dev/null)" = "$version float" ]; then
  echo "install-zisk: ziskemu $version (float) is installed at $dest/bin/ziskemu" >&2
  exit 0
fi

# What the prover's C++ library and the bindings that ziskemu links need to build.
"$here/install-toolchain.sh" --quiet libopenmpi-dev openmpi-bin libclang-dev libomp-dev nlohmann-json3-dev \
  nasm libsodium-dev libgmp-dev pkg-config curl ca-certificates

crate() { # NAME: unpacks NAME-$version from crates.io into $work (once)
  [ -d "$work/$1-$version" ] && return 0
  curl -fsSL "https://static.crates.io/crates/$1/$1-$version.crate" -o "$work/$1.crate"
  tar -C "$work" -xzf "$work/$1.crate" && rm "$work/$1.crate"
}
mkdir -p "$work"
for name in ziskemu zisk-riscv zisk-transpiler-wasm zisk-lib-float; do crate "$name"; done
float_elf="$work/zisk-lib-float-$version/c/lib/ziskfloat.elf"
[ -f "$float_elf" ] || { echo "install-zisk: zisk-lib-float $version ships no c/lib/ziskfloat.elf" >&2; exit 1; }
for file in "$work/zisk-riscv-$version/src/elf2rom.rs" "$work/zisk-transpiler-wasm-$version/src/float.rs"; do
  grep -q 'lib-float/c/lib/ziskfloat.elf' "$file" \
    || { echo "install-zisk: $file no longer includes lib-float/c/lib/ziskfloat.elf; update this script" >&2; exit 1; }
  sed -i "s|include_bytes!(\"[^\"]*lib-float/c/lib/ziskfloat.elf\")|include_bytes!(\"$float_elf\")|" "$file"
done
manifest="$work/ziskemu-$version/Cargo.toml"
if ! grep -q '^\[patch.crates-io\]' "$manifest"; then
  cat >>"$manifest" <<TOML

[patch.crates-io]
zisk-riscv = { path = "$work/zisk-riscv-$version" }
zisk-transpiler-wasm = { path = "$work/zisk-transpiler-wasm-$version" }
TOML
fi

cargo="$(command -v cargo)"
echo "install-zisk: building ziskemu $version with its float feature, $("$cargo" --version) (about 18 minutes on 2 cores)" >&2
started=$SECONDS
# cargo build, not install: it keeps the crate's Cargo.lock, changing only the two patched sources.
(cd "$work/ziskemu-$version" && "$cargo" build --release --features float --bin ziskemu >&2) \
  || { echo "install-zisk: the build failed (see above); running this script again resumes it" >&2; exit 1; }
rm -rf "$dest.new" && mkdir -p "$dest.new/bin"
cp "$work/ziskemu-$version/target/release/ziskemu" "$dest.new/bin/ziskemu"
echo "$version float" >"$dest.new/version"
rm -rf "$dest" && mv "$dest.new" "$dest"
echo "install-zisk: installed $dest/bin/ziskemu in $((SECONDS - started)) s" >&2
