//! The wasmer pipeline's runner.
//!
//!   wasrisc-wasmer compile [--compiler cranelift|llvm] [--opt-level N] MODULE.wasm OUT.bin
//!                                             (host build: feature precompile, or precompile-llvm for llvm)
//!   wasrisc-wasmer run MODULE.bin [ARGS...]   (riscv64 build, under qemu)
//!
//! What the guest sees matches the platform's other pipelines: argv[0] "guest", no environment,
//! no preopened folders, inherited stdio, and `testmodule.testfunc` as platform/imports/testmodule.c
//! implements it. WASI preview 1 comes from wasmer-wasix. proc_exit becomes the exit code; a trap
//! prints "wasm trap: ..." and exits 134.

use std::io::Write;
use std::process::exit;
use wasmer::sys::NativeEngineExt;
use wasmer::{Engine, Function, Instance, Module, Store};
use wasmer_wasix::{WasiEnv, WasiError, WasiFunctionEnv};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[allow(dead_code)]
const TARGET: &str = "riscv64gc-unknown-linux-gnu";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let result = match args.get(1).map(String::as_str) {
        Some("compile") => compile(&args[2..]),
        Some("run") => run(&args[2..]),
        _ => Err("usage: wasrisc-wasmer compile [--compiler cranelift|llvm] [--opt-level N] IN.wasm OUT.bin \
                  | run MODULE.bin [ARGS...]"
            .into()),
    };
    if let Err(error) = result {
        eprintln!("wasrisc-wasmer: {error}");
        exit(2);
    }
}

#[cfg(feature = "precompile")]
fn compile(args: &[String]) -> Result<()> {
    use std::str::FromStr;
    use wasmer::sys::{CpuFeature, EngineBuilder, Target, Triple};

    let mut compiler = "cranelift";
    let mut opt_level = 2u8;
    let mut files = args;
    loop {
        match files {
            [flag, value, rest @ ..] if flag == "--compiler" => (compiler, files) = (value.as_str(), rest),
            [flag, value, rest @ ..] if flag == "--opt-level" => (opt_level, files) = (value.parse()?, rest),
            _ => break,
        }
    }
    let [input, output] = files else {
        return Err("compile takes [--compiler cranelift|llvm] [--opt-level N] IN.wasm OUT.bin".into());
    };
    // rv64gc without further extensions: wasmer has no riscv64 CPU features to set.
    let target = Target::new(Triple::from_str(TARGET).map_err(|e| format!("{TARGET}: {e:?}"))?, CpuFeature::set());
    let builder = match compiler {
        "cranelift" => {
            use wasmer::sys::{Cranelift, CraneliftOptLevel};
            let mut cranelift = Cranelift::new();
            cranelift.opt_level(if opt_level == 0 { CraneliftOptLevel::None } else { CraneliftOptLevel::Speed });
            EngineBuilder::new(cranelift)
        }
        "llvm" => llvm(opt_level)?,
        other => return Err(format!("unknown compiler '{other}' (cranelift or llvm)").into()),
    };
    let engine: Engine = builder.set_target(Some(target)).into();
    let module = Module::new(&engine, std::fs::read(input)?)?;
    module.serialize_to_file(output)?;
    Ok(())
}

#[cfg(feature = "precompile-llvm")]
fn llvm(opt_level: u8) -> Result<wasmer::sys::EngineBuilder> {
    use wasmer::sys::{LLVMOptLevel, LLVM};
    let mut llvm = LLVM::new();
    llvm.opt_level(match opt_level {
        0 => LLVMOptLevel::None,
        1 => LLVMOptLevel::Less,
        2 => LLVMOptLevel::Default,
        _ => LLVMOptLevel::Aggressive,
    });
    Ok(wasmer::sys::EngineBuilder::new(llvm))
}

#[cfg(all(feature = "precompile", not(feature = "precompile-llvm")))]
fn llvm(_opt_level: u8) -> Result<wasmer::sys::EngineBuilder> {
    // LLVM is a separate build: it links LLVM 22 statically, which the Cranelift build must not need.
    Err("this build has no LLVM compiler; platform/install-runners.sh builds one (--features precompile-llvm) \
         as wasrisc-wasmer-llvm"
        .into())
}

#[cfg(not(feature = "precompile"))]
fn compile(_args: &[String]) -> Result<()> {
    Err(format!(
        "this build only runs precompiled modules; the host build (--features precompile) compiles for {TARGET}"
    )
    .into())
}

fn run(args: &[String]) -> Result<()> {
    let [module_path, guest_args @ ..] = args else {
        return Err("run takes MODULE.bin [ARGS...]".into());
    };
    // wasmer-wasix's task manager and host stdio need a tokio runtime; the guest runs on this thread.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let _guard = runtime.enter();

    let engine = Engine::headless();
    // Safety: the module is one this project's host build precompiled into the build cache.
    let module = unsafe { Module::deserialize_from_file(&engine, module_path)? };
    let mut store = Store::new(engine.clone());

    let wasi_env = WasiEnv::builder("guest").args(guest_args).engine(engine).build()?;
    let mut func_env = WasiFunctionEnv::new(&mut store, wasi_env);
    let mut imports = func_env.import_object_for_all_wasi_versions(&mut store, &module)?;
    imports.define(
        "testmodule",
        "testfunc",
        Function::new_typed(&mut store, |a: u32, b: u32| -> u32 {
            let mut out = std::io::stdout().lock();
            let _ = write!(out, "testfunc called with {a}, {b}\n");
            let _ = out.flush();
            a.wrapping_add(b)
        }),
    );
    let instance = Instance::new(&mut store, &module, &imports)?;
    func_env.initialize(&mut store, instance.clone())?;
    let start = instance.exports.get_typed_function::<(), ()>(&store, "_start")?;
    let code = match start.call(&mut store) {
        Ok(()) => 0,
        Err(error) => match error.downcast::<WasiError>() {
            Ok(WasiError::Exit(code)) => code.raw(),
            Ok(other) => {
                eprintln!("wasm trap: {other}");
                134
            }
            Err(error) => {
                let _ = std::io::stdout().flush();
                match error.clone().to_trap() {
                    Some(trap) => eprintln!("wasm trap: {trap}"),
                    None => eprintln!("wasm trap: {}", error.message()),
                }
                134
            }
        },
    };
    // Closes the guest's files and flushes its stdio.
    func_env.on_exit(&mut store, None);
    let _ = std::io::stdout().flush();
    exit(code);
}

// wasmer-vm's libcall table names libgcc's soft-float negations, which neither Rust's
// compiler_builtins nor riscv64's hard-float libgcc provide.
#[cfg(target_arch = "riscv64")]
#[no_mangle]
pub extern "C" fn __negdf2(x: f64) -> f64 {
    -x
}

#[cfg(target_arch = "riscv64")]
#[no_mangle]
pub extern "C" fn __negsf2(x: f32) -> f32 {
    -x
}
