//! Calls the host function testmodule.testfunc (platform/imports/testmodule.c).

// In WebAssembly: an import of module "testmodule".
#[cfg(target_family = "wasm")]
#[link(wasm_import_module = "testmodule")]
extern "C" {
    fn testfunc(a: u32, b: u32) -> u32;
}

// Natively (direct): the same C implementation, from the library the build links.
#[cfg(not(target_family = "wasm"))]
#[link(name = "wasrisc_imports", kind = "static")]
extern "C" {
    #[link_name = "testmodule_testfunc"]
    fn testfunc(a: u32, b: u32) -> u32;
}

fn main() {
    let sum = unsafe { testfunc(1, 2) };
    println!("testfunc(1, 2) = {sum}");
}
