/*
 * How abort() ends the program on every bare-metal target, included by each target's syscalls.c
 * after its wasrisc_exit. abort() raises SIGABRT through kill(getpid(), sig): end the way a killed
 * process is reported, with status 128 + signal.
 */
int getpid(void)
{
    return 1;
}

int kill(int pid, int sig)
{
    (void)pid;
    wasrisc_exit(128 + sig);
}
