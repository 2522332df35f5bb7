//! The guest's imports as the per-guest main passes them in (shared by the runners).
//!
//! The pipeline generates that main in C from the module's import section
//! (PrecompiledRuntimeBackend): one entry per imported function, other than WASI's, calling the
//! C implementation named MODULE_NAME as on every pipeline. Values cross as 64-bit slots: i32 in
//! the low 32 bits, f32 and f64 as their bits.

use std::ffi::CStr;
use std::io::Write;
use std::os::raw::{c_char, c_int};

/// As the generated C declares it: `struct wasrisc_host_import`.
#[repr(C)]
pub struct HostImport {
    module: *const c_char,
    name: *const c_char,
    /// One letter per value, parameters then ':' then results: i i32, I i64, f f32, F f64 ("ii:i").
    signature: *const c_char,
    call: extern "C" fn(*const u64) -> u64,
}

#[derive(Clone, Copy, Debug)]
pub enum Slot {
    I32,
    I64,
    F32,
    F64,
}

pub struct Import {
    pub module: String,
    pub name: String,
    pub params: Vec<Slot>,
    pub results: Vec<Slot>,
    pub call: extern "C" fn(*const u64) -> u64,
}

/// The process arguments and the import table, copied out of their C form.
///
/// # Safety
/// `argv` holds `argc` C strings and `imports` `count` entries (or is null when `count` is 0).
pub unsafe fn wasrisc_runner_args(
    argc: c_int,
    argv: *const *const c_char,
    imports: *const HostImport,
    count: usize,
) -> (Vec<String>, Vec<Import>) {
    let text = |p: *const c_char| CStr::from_ptr(p).to_string_lossy().into_owned();
    let args = (0..argc as usize).map(|i| text(*argv.add(i))).collect();
    let table = if count == 0 { &[][..] } else { std::slice::from_raw_parts(imports, count) };
    let imports = table
        .iter()
        .map(|entry| {
            let signature = text(entry.signature);
            let (params, results) = signature.split_once(':').unwrap_or((&signature, ""));
            Import {
                module: text(entry.module),
                name: text(entry.name),
                params: parse(params),
                results: parse(results),
                call: entry.call,
            }
        })
        .collect();
    (args, imports)
}

fn parse(letters: &str) -> Vec<Slot> {
    letters
        .chars()
        .map(|letter| match letter {
            'i' => Slot::I32,
            'I' => Slot::I64,
            'f' => Slot::F32,
            'F' => Slot::F64,
            other => panic!("import signature letter {other:?} (the generated main writes i, I, f, F)"),
        })
        .collect()
}

/// Calls the C implementation. The guest's own output so far is flushed first, so that what the C
/// code prints (the platform's testfunc does) comes after it, as on the C pipelines.
pub fn call(function: extern "C" fn(*const u64) -> u64, slots: &[u64]) -> u64 {
    let _ = std::io::stdout().flush();
    function(slots.as_ptr())
}
