#!/usr/bin/env bash
# Installs what the default pipelines (direct, wasm2c) need from Debian's packages. Idempotent: it
# checks each package and installs only what is missing, so the README's commands can call it on
# every run. Needs root or sudo for apt-get.
#
#   platform/install-toolchain.sh [--quiet] [PACKAGE...]
#
# PACKAGEs are installed besides the default list (install-runners.sh asks for what a runner needs).
set -euo pipefail

quiet=false
[ "${1:-}" = "--quiet" ] && { quiet=true; shift; }
say() { $quiet || echo "install-toolchain: $*"; }

# package            what needs it
packages=(
  qemu-user                      # qemu-riscv64 runs every binary, with the counting plugin
  gcc                            # builds the QEMU plugin for the host
  gcc-riscv64-unknown-elf        # bare-metal rv64im compiler
  picolibc-riscv64-unknown-elf   # its C library (rv64im multilib, release build type)
  clang                          # C guests to wasm32-wasi
  lld                            # wasm-ld
  wasi-libc                      # WASI C library for clang
  libclang-rt-14-dev-wasm32      # compiler-rt builtins for wasm32
  wabt                           # wasm2c and its runtime sources (/usr/src/wasm2c)
  binaryen                       # wasm-opt, for cells with the wasmopt option
  gcc-riscv64-linux-gnu          # direct Go (cgo) and Rust guests: riscv64 Linux linker
  libc6-dev-riscv64-cross        # their static C library
  rustc-web                      # Rust 1.96 that builds std for any target (-Zbuild-std);
  cargo-web                      #   Debian's older rustc package conflicts with it
  rust-web-src                   #   std's sources
  nginx                          # the remote build cache tests' server (a private instance on a free port)
  maven                          # builds the Java code
  openjdk-17-jdk-headless        # runs it
  "$@"
)

missing=()
for pkg in "${packages[@]}"; do
  if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    continue
  fi
  # A JDK or Maven installed outside Debian (sdkman, a tarball) serves as well.
  case "$pkg" in
    maven) command -v mvn >/dev/null 2>&1 && continue ;;
    openjdk-17-jdk-headless) command -v javac >/dev/null 2>&1 && continue ;;
  esac
  missing+=("$pkg")
done

# Go has no Debian package new enough for GOOS=wasip1 (1.21+) in bookworm: it must be installed.
if ! command -v go >/dev/null 2>&1 && [ ! -x /usr/local/go/bin/go ]; then
  echo "install-toolchain: Go 1.21 or newer is not installed; Go guests will be skipped (https://go.dev/dl)" >&2
fi

if [ ${#missing[@]} -eq 0 ]; then
  say "all ${#packages[@]} packages present"
  exit 0
fi

echo "install-toolchain: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-toolchain: need root (or sudo) to apt-get install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get update -q >/tmp/wasrisc-apt-update.log 2>&1; then
  echo "install-toolchain: apt-get update failed; see /tmp/wasrisc-apt-update.log" >&2
  tail -5 /tmp/wasrisc-apt-update.log >&2
  exit 1
fi
for pkg in "${missing[@]}"; do
  if ! $sudo apt-get install -y -q --no-install-recommends "$pkg" >/tmp/wasrisc-apt-install.log 2>&1; then
    echo "install-toolchain: apt-get install $pkg failed:" >&2
    tail -10 /tmp/wasrisc-apt-install.log >&2
    exit 1
  fi
  echo "install-toolchain: installed $pkg" >&2
done
