//! The host build's command line (compile), and a riscv64 runner for guests without imports.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    wasrisc_wasmer::main_with(&args, &[])
}
