/*
 * Entry point of a w2c2-transpiled guest: instantiate the module and run
 * _start. A trap ends the run in trap() (w2c2_runtime.c) with status 134, and
 * proc_exit in the WASI core with the guest's status.
 */
#include "wasrisc_platform.h"
#include "wasrisc_w2c2.h"

int main(void)
{
    wasrisc_guest_instantiate();
    wasrisc_guest_start();
    /* A command module that returns from _start exits with status 0. */
    wasrisc_exit(0);
}
