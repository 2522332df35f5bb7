//! The wasmtime pipeline's runner.
//!
//!   wasrisc-wasmtime compile [--opt-level N] MODULE.wasm OUT.cwasm   (host build, feature precompile)
//!   GUEST-RUNNER run MODULE.cwasm [ARGS...]                          (riscv64, under qemu)
//!
//! On riscv64 this crate is a static library: for each guest the pipeline links it with the C
//! implementations of the guest's imports (its own and the platform's) and a generated main that
//! passes them in as a table (host_imports.rs), so a guest's imports work here as on every C
//! pipeline. What the guest sees matches the platform's other pipelines: argv[0] "guest", no
//! environment, no preopened folders, inherited stdio. proc_exit becomes the exit code; a trap
//! prints "wasm trap: ..." and exits 134.

use std::io::Write;
use std::process::exit;
use wasmtime::{Config, Engine, FuncType, Linker, Module, Store, Val, ValType};
use wasmtime_wasi::p1::{self, WasiP1Ctx};
use wasmtime_wasi::{I32Exit, WasiCtxBuilder};

#[path = "../../common/host_imports.rs"]
mod host_imports;
pub use host_imports::{wasrisc_runner_args, HostImport, Slot};

const TARGET: &str = "riscv64gc-unknown-linux-gnu";

/// The entry the generated per-guest main calls, with the guest's imports.
///
/// # Safety
/// `argv` holds `argc` C strings and `imports` `count` entries, as the generated main passes them.
#[no_mangle]
pub unsafe extern "C" fn wasrisc_runner_main(
    argc: std::os::raw::c_int,
    argv: *const *const std::os::raw::c_char,
    imports: *const HostImport,
    count: usize,
) -> std::os::raw::c_int {
    let (args, imports) = wasrisc_runner_args(argc, argv, imports, count);
    main_with(&args, &imports)
}

pub fn main_with(args: &[String], imports: &[host_imports::Import]) -> ! {
    let result = match args.get(1).map(String::as_str) {
        Some("compile") => compile(&args[2..]),
        Some("run") => run(&args[2..], imports),
        _ => Err(wasmtime::Error::msg(
            "usage: wasrisc-wasmtime compile [--opt-level N] IN.wasm OUT.cwasm | run MODULE.cwasm [ARGS...]",
        )),
    };
    if let Err(error) = result {
        eprintln!("wasrisc-wasmtime: {error:?}");
        exit(2);
    }
    exit(0);
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

fn run(args: &[String], imports: &[host_imports::Import]) -> wasmtime::Result<()> {
    let [module_path, guest_args @ ..] = args else {
        return Err(wasmtime::Error::msg("run takes MODULE.cwasm [ARGS...]"));
    };
    let engine = Engine::new(&Config::new())?;
    // Safety: the module is one this project's host build precompiled into the build cache.
    let module = unsafe { Module::deserialize_file(&engine, module_path)? };

    let mut linker: Linker<WasiP1Ctx> = Linker::new(&engine);
    p1::add_to_linker_sync(&mut linker, |ctx| ctx)?;
    for import in imports {
        let ty = FuncType::new(&engine, import.params.iter().map(val_type), import.results.iter().map(val_type));
        let (call, results) = (import.call, import.results.clone());
        linker.func_new(&import.module, &import.name, ty, move |_caller, params, out| {
            let slots: Vec<u64> = params.iter().map(to_slot).collect();
            let bits = host_imports::call(call, &slots);
            if let Some(slot) = results.first() {
                out[0] = from_slot(*slot, bits);
            }
            Ok(())
        })?;
    }

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

fn val_type(slot: &Slot) -> ValType {
    match slot {
        Slot::I32 => ValType::I32,
        Slot::I64 => ValType::I64,
        Slot::F32 => ValType::F32,
        Slot::F64 => ValType::F64,
    }
}

fn to_slot(value: &Val) -> u64 {
    match value {
        Val::I32(x) => *x as u32 as u64,
        Val::I64(x) => *x as u64,
        Val::F32(bits) => *bits as u64,
        Val::F64(bits) => *bits,
        _ => 0, // signatures hold numbers only (host_imports::parse)
    }
}

fn from_slot(slot: Slot, bits: u64) -> Val {
    match slot {
        Slot::I32 => Val::I32(bits as u32 as i32),
        Slot::I64 => Val::I64(bits as i64),
        Slot::F32 => Val::F32(bits as u32),
        Slot::F64 => Val::F64(bits),
    }
}
