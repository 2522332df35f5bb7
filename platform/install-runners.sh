#!/usr/bin/env bash
# Opt-in installer step for the runtime pipelines (wasmtime, wasmer): builds the project's runners
# (platform/runners/*, which depend on the runtime's crates from crates.io) twice each,
# for the host (to precompile modules for riscv64) and statically for riscv64gc-unknown-linux-gnu
# (to run them under qemu), with Debian's rustc-web and -Zbuild-std. Slow (tens of minutes on 2
# cores), so the README's commands do not run it; tests of these pipelines are skipped until it ran.
#
#   platform/install-runners.sh [RUNNER...]     (default: every folder in platform/runners)
#
# wasmer gets a third build, wasrisc-wasmer-llvm on the host, with wasmer's LLVM compiler: it links
# LLVM 22 statically, from Debian's llvm-22-dev (bookworm-security), which this step installs.
#
# Installs into /usr/local/lib/wasrisc/runners/{host,riscv64}/, where the Java side looks; on
# riscv64 the runner is also a static library (libwasrisc_RUNNER.a), which the pipeline links with
# each guest's import implementations. With
# WASRISC_RUNNERS_DIR elsewhere, point -Dwasrisc.tool.{wasmtime,wasmer}-precompiler=... and
# -Dwasrisc.tool.{wasmtime,wasmer}-runtime-riscv64=... and -Dwasrisc.tool.wasmer-llvm-precompiler=...
# at the files. Idempotent: cargo rebuilds only what changed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
dest="${WASRISC_RUNNERS_DIR:-/usr/local/lib/wasrisc/runners}"
target_dir="${WASRISC_RUNNERS_TARGET:-${XDG_CACHE_HOME:-$HOME/.cache}/wasrisc/runners-target}"
runners=("$@")
if [ ${#runners[@]} -eq 0 ]; then
  # Every crate there; common/ holds code the runners share.
  for dir in "$here"/runners/*/; do [ -f "$dir/Cargo.toml" ] && runners+=("$(basename "$dir")"); done
fi

"$here/install-toolchain.sh" --quiet

# Debian's toolchain, not a rustup one earlier on PATH: only it can build std for riscv64 here.
export PATH="/usr/bin:/bin:$PATH" RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1
export CARGO_TARGET_RISCV64GC_UNKNOWN_LINUX_GNU_LINKER=riscv64-linux-gnu-gcc
export CARGO_TARGET_RISCV64GC_UNKNOWN_LINUX_GNU_RUSTFLAGS="-C target-feature=+crt-static"
jobs="$(nproc)"

sudo=""
if [ "$(id -u)" -ne 0 ] && ! mkdir -p "$dest" 2>/dev/null; then
  sudo="sudo"
fi

for runner in "${runners[@]}"; do
  crate="$here/runners/$runner"
  [ -f "$crate/Cargo.toml" ] || { echo "install-runners: no runner '$runner' in $here/runners" >&2; exit 2; }
  start=$(date +%s)
  echo "install-runners: building wasrisc-$runner for the host" >&2
  /usr/bin/cargo build --release --locked -j "$jobs" --manifest-path "$crate/Cargo.toml" \
      --target-dir "$target_dir/$runner" --features precompile
  echo "install-runners: building wasrisc-$runner for riscv64gc-unknown-linux-gnu (with std)" >&2
  /usr/bin/cargo build --release --locked -j "$jobs" --manifest-path "$crate/Cargo.toml" \
      --target-dir "$target_dir/$runner" --target riscv64gc-unknown-linux-gnu -Zbuild-std=std,panic_abort
  $sudo mkdir -p "$dest/host" "$dest/riscv64"
  # install(1) writes a new file and renames it: a runner in use is never half-written.
  $sudo install -m 755 "$target_dir/$runner/release/wasrisc-$runner" "$dest/host/wasrisc-$runner"
  if [ "$runner" = wasmer ]; then
    # A build of its own, so that the Cranelift runner never needs LLVM. Both builds write
    # release/wasrisc-wasmer: each is installed before the next one starts.
    # Without LLVM 22 (another Debian release, no apt) the other runners are still built.
    if "$here/install-toolchain.sh" --quiet llvm-22-dev libpolly-22-dev; then
      echo "install-runners: building wasrisc-wasmer-llvm for the host (wasmer's LLVM compiler, LLVM 22)" >&2
      LLVM_SYS_221_PREFIX=/usr/lib/llvm-22 /usr/bin/cargo build --release --locked -j "$jobs" \
          --manifest-path "$crate/Cargo.toml" --target-dir "$target_dir/$runner" --features precompile-llvm
      $sudo install -m 755 "$target_dir/$runner/release/wasrisc-$runner" "$dest/host/wasrisc-$runner-llvm"
    else
      echo "install-runners: no llvm-22-dev, so no wasrisc-wasmer-llvm: wasmer_llvm cells stay skipped" >&2
    fi
  fi
  $sudo install -m 755 "$target_dir/$runner/riscv64gc-unknown-linux-gnu/release/wasrisc-$runner" \
      "$dest/riscv64/wasrisc-$runner"
  # What the pipeline links each guest's runner from, with the C of the guest's imports.
  $sudo install -m 644 "$target_dir/$runner/riscv64gc-unknown-linux-gnu/release/libwasrisc_$runner.a" \
      "$dest/riscv64/libwasrisc_$runner.a"
  echo "install-runners: wasrisc-$runner installed in $dest/{host,riscv64} after $(( $(date +%s) - start )) s" >&2
done
