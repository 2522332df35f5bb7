//! The wasmer pipeline's runner.
//!
//!   wasrisc-wasmer compile [--compiler cranelift|llvm] [--opt-level N] MODULE.wasm OUT.bin
//!                                             (host build: feature precompile, or precompile-llvm for llvm)
//!   GUEST-RUNNER run MODULE.bin [ARGS...]     (riscv64, under qemu)
//!
//! On riscv64 this crate is a static library: for each guest the pipeline links it with the C
//! implementations of the guest's imports (its own and the platform's) and a generated main that
//! passes them in as a table (host_imports.rs), so a guest's imports work here as on every C
//! pipeline. What the guest sees matches the platform's other pipelines: argv[0] "guest", no
//! environment, no preopened folders, inherited stdio. WASI preview 1 comes from wasmer-wasix.
//! proc_exit becomes the exit code; a trap prints "wasm trap: ..." and exits 134.

use std::io::Write;
use std::process::exit;
use wasmer::sys::NativeEngineExt;
use wasmer::{Engine, Function, FunctionType, Instance, Module, RuntimeError, Store, Type, Value};
use wasmer_wasix::{WasiEnv, WasiError, WasiFunctionEnv};

#[path = "../../common/host_imports.rs"]
mod host_imports;
pub use host_imports::{wasrisc_runner_args, HostImport, Slot};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[allow(dead_code)]
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
        _ => Err("usage: wasrisc-wasmer compile [--compiler cranelift|llvm] [--opt-level N] IN.wasm OUT.bin \
                  | run MODULE.bin [ARGS...]"
            .into()),
    };
    if let Err(error) = result {
        eprintln!("wasrisc-wasmer: {error}");
        exit(2);
    }
    exit(0);
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
    let mut serialized = module.serialize()?.to_vec();
    if compiler == "llvm" {
        serialized = llvm_hi20_first(serialized)?;
    }
    std::fs::write(output, serialized)?;
    Ok(())
}

/// wasmer 7.5 links a module at load time by applying each function's relocations in the order
/// stored in the artifact, and resolves an R_RISCV_PCREL_LO12_I through the R_RISCV_PCREL_HI20 of
/// its `auipc` applied before it (wasmer-compiler's engine/link.rs keeps them in a map keyed by the
/// auipc's address). LLVM is free to lay the auipc out after an instruction that uses it (block
/// placement), and wasmer then panics while loading: rust/stateless hit this. A linker resolves
/// every HI20 first; the relocations patch different instructions, so doing the same here changes
/// nothing but the order. The Cranelift artifacts are left byte for byte as they were.
#[cfg(feature = "precompile-llvm")]
fn llvm_hi20_first(serialized: Vec<u8>) -> Result<Vec<u8>> {
    use wasmer_compiler::serialize::{MetadataHeader, SerializableCompilation, SerializableModule};
    use wasmer_compiler::types::relocation::RelocationKind;
    use wasmer_compiler::ArtifactBuild;

    let magic = ArtifactBuild::MAGIC_HEADER.as_slice();
    if !serialized.starts_with(magic) {
        return Ok(serialized); // not the archived layout this reorders (e.g. a native ELF image)
    }
    // rkyv reads the archive in place: it must start at an aligned address.
    let mut words = vec![0u128; serialized.len().div_ceil(16)];
    let aligned = unsafe { std::slice::from_raw_parts_mut(words.as_mut_ptr().cast::<u8>(), words.len() * 16) };
    aligned[..serialized.len()].copy_from_slice(&serialized);
    let metadata = &aligned[magic.len()..serialized.len()];
    let len = MetadataHeader::parse(metadata)?;
    let archive = metadata.get(MetadataHeader::LEN..MetadataHeader::LEN + len).ok_or("truncated artifact")?;
    // Safety: checked deserialization of the bytes the engine just serialized.
    let mut module = unsafe { SerializableModule::deserialize(archive)? };
    if let SerializableCompilation::Rkyv(compilation) = &mut module.compilation {
        let relocation_lists = compilation.function_relocations.values_mut()
            .chain(compilation.custom_section_relocations.values_mut());
        for relocations in relocation_lists {
            // A stable sort: HI20s first, everything else in its old order.
            relocations.sort_by_key(|relocation| relocation.kind != RelocationKind::RiscvPCRelHi20);
        }
    }
    let data = module.serialize()?;
    let mut out = Vec::with_capacity(magic.len() + MetadataHeader::LEN + data.len());
    out.extend_from_slice(magic);
    out.extend_from_slice(&MetadataHeader::new(data.len()).into_bytes());
    out.extend_from_slice(&data);
    Ok(out)
}

#[cfg(all(feature = "precompile", not(feature = "precompile-llvm")))]
fn llvm_hi20_first(serialized: Vec<u8>) -> Result<Vec<u8>> {
    Ok(serialized)
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

fn run(args: &[String], imports: &[host_imports::Import]) -> Result<()> {
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
    let host_imports = imports;
    let mut imports = func_env.import_object_for_all_wasi_versions(&mut store, &module)?;
    for import in host_imports {
        let ty = FunctionType::new(
            import.params.iter().map(value_type).collect::<Vec<_>>(),
            import.results.iter().map(value_type).collect::<Vec<_>>(),
        );
        let (call, results) = (import.call, import.results.clone());
        let function = Function::new(&mut store, ty, move |params: &[Value]| -> std::result::Result<Vec<Value>, RuntimeError> {
            let slots: Vec<u64> = params.iter().map(to_slot).collect();
            let bits = host_imports::call(call, &slots);
            Ok(results.first().map(|slot| from_slot(*slot, bits)).into_iter().collect())
        });
        imports.define(&import.module, &import.name, function);
    }
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

fn value_type(slot: &Slot) -> Type {
    match slot {
        Slot::I32 => Type::I32,
        Slot::I64 => Type::I64,
        Slot::F32 => Type::F32,
        Slot::F64 => Type::F64,
    }
}

fn to_slot(value: &Value) -> u64 {
    match value {
        Value::I32(x) => *x as u32 as u64,
        Value::I64(x) => *x as u64,
        Value::F32(x) => x.to_bits() as u64,
        Value::F64(x) => x.to_bits(),
        _ => 0, // signatures hold numbers only (host_imports::parse)
    }
}

fn from_slot(slot: Slot, bits: u64) -> Value {
    match slot {
        Slot::I32 => Value::I32(bits as u32 as i32),
        Slot::I64 => Value::I64(bits as i64),
        Slot::F32 => Value::F32(f32::from_bits(bits as u32)),
        Slot::F64 => Value::F64(f64::from_bits(bits)),
    }
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
