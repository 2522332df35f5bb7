/* The same shim as rv64im's. */
#include "../../../rv64im/shim/sys/mman.h"
