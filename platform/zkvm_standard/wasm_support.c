/* The linear memory's placement and the trap exit are the same as on rv64im. */
#include "../rv64im/wasm_support.c"
