// A guest from a compiler WASRISC does not drive: AssemblyScript, with its WASI shim, compiled to a
// WASI preview 1 command module (module.wasm) by PrebuiltModuleTest.
const start: u64 = 27;
let n = start;
let steps: u32 = 0;
while (n != 1) {
  n = n % 2 == 0 ? n / 2 : 3 * n + 1;
  steps++;
}
console.log("steps(" + start.toString() + ") = " + steps.toString());
