// Static riscv64 link: glibc's syscall stubs reach __syscall_error with a +-1 MiB jump, and the
// runner's tens of MiB of code would otherwise sit between libc objects pulled in at different
// -lc positions. Sorting input sections by name puts libc's plain .text sections together.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("riscv64") {
        println!("cargo:rustc-link-arg-bins=-Wl,--sort-section=name");
    }
}
