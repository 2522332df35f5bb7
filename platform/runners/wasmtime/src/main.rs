//! The wasmtime pipeline's runner.
//!
//!   wasrisc-wasmtime compile [--opt-level N] MODULE.wasm OUT.cwasm   (host build, feature precompile)
//!   wasrisc-wasmtime run MODULE.cwasm [ARGS...]                      (riscv64 build, under qemu)
//!
//! What the guest sees matches the platform's other pipelines: argv[0] "guest", no environment,
//! no preopened folders, inherited stdio, and `testmodule.testfunc` as platform/imports/testmodule.c
//! implements it. proc_exit becomes the exit code; a trap prints "wasm trap: ..." and exits 134.

use std::io::Write;
use std::process::exit;
use wasmtime::{Config, Engine, Linker, Module, Store};
use wasmtime_wasi::p1::{self, WasiP1Ctx};
use wasmtime_wasi::{I32Exit, WasiCtxBuilder};

const TARGET: &str = "riscv64gc-unknown-linux-gnu";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let result = match args.get(1).map(String::as_str) {
        Some("compile") => compile(&args[2..]),
        Some("run") => run(&args[2..]),
        _ => Err(wasmtime::Error::msg(
            "usage: wasrisc-wasmtime compile [--opt-level N] IN.wasm OUT.cwasm | run MODULE.cwasm [ARGS...]",
        )),
    };
    if let Err(error) = result {
        eprintln!("wasrisc-wasmtime: {error:?}");
        exit(2);
    }
}

#[cfg(feature = "precompile")]
fn compile(args: &[String]) -> wasmtime::Result<()> {
    let (opt_level, files) = match args {
        [flag, level, rest @ ..] if flag == "--opt-level" => (level.parse::<u8>()?, rest),
        rest => (2, rest),
    };
    let [input, output] = files else {
        return Err(wasmtime::Error::msg("compile takes IN.wasm OUT.cwasm"));
    };
    let mut config = Config::new();
    config.target(TARGET)?;
    config.cranelift_opt_level(if opt_level == 0 {
        wasmtime::OptLevel::None
    } else {
        wasmtime::OptLevel::Speed
    });
    let engine = Engine::new(&config)?;
    let precompiled = engine.precompile_module(&std::fs::read(input)?)?;
    std::fs::write(output, precompiled)?;
    Ok(())
}

#[cfg(not(feature = "precompile"))]
fn compile(_args: &[String]) -> wasmtime::Result<()> {
    Err(wasmtime::Error::msg(format!(
        "this build only runs precompiled modules; the host build (--features precompile) compiles for {TARGET}"
    )))
}

fn run(args: &[String]) -> wasmtime::Result<()> {
    let [module_path, guest_args @ ..] = args else {
        return Err(wasmtime::Error::msg("run takes MODULE.cwasm [ARGS...]"));
    };
    let engine = Engine::new(&Config::new())?;
    // Safety: the module is one this project's host build precompiled into the build cache.
    let module = unsafe { Module::deserialize_file(&engine, module_path)? };

    let mut linker: Linker<WasiP1Ctx> = Linker::new(&engine);
    p1::add_to_linker_sync(&mut linker, |ctx| ctx)?;
    linker.func_wrap("testmodule", "testfunc", |a: u32, b: u32| -> u32 {
        let mut out = std::io::stdout().lock();
        let _ = write!(out, "testfunc called with {a}, {b}\n");
        let _ = out.flush();
        a.wrapping_add(b)
    })?;

    let mut argv = vec!["guest".to_string()];
    argv.extend(guest_args.iter().cloned());
    let wasi = WasiCtxBuilder::new()
        .inherit_stdin()
        .inherit_stdout()
        .inherit_stderr()
        .args(&argv)
        .build_p1();
    let mut store = Store::new(&engine, wasi);
    let instance = linker.instantiate(&mut store, &module)?;
    let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
    match start.call(&mut store, ()) {
        Ok(()) => exit(0),
        Err(error) => {
            if let Some(code) = error.downcast_ref::<I32Exit>() {
                exit(code.0);
            }
            let _ = std::io::stdout().flush();
            match error.downcast_ref::<wasmtime::Trap>() {
                Some(trap) => eprintln!("wasm trap: {trap}"),
                None => eprintln!("wasm trap: {}", error.root_cause()),
            }
            exit(134);
        }
    }
}
