#include <stdint.h>

#include "wasrisc.h"

/* No platform file implements this import, so linking must fail and say so. */
uint32_t missing(uint32_t a) WASRISC_IMPORT(nosuchmodule, missing);

int main(void)
{
    return (int)missing(1);
}
