#!/usr/bin/env python3
"""Whole-process start to first frame of the wizard, in a pseudo-terminal.

Runs BIN with JUMPSTART_TUI_EXIT_AFTER_FIRST_FRAME=1 on a fresh 80x24 pty RUNS times (after
WARMUP runs) and prints one JSON object: the wall time of each run, from just before the
fork to the child reaped, and its peak RSS (wait4's ru_maxrss, KB). The child draws its first
frame, restores the terminal and exits; its output is read as it comes so it never blocks.
Timed here rather than through script(1), which adds ~20 ms of its own waiting.

usage: first_frame.py BIN RUNS [WARMUP]
"""
import fcntl
import json
import os
import select
import struct
import sys
import termios
import time


def run_once(binary):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", JUMPSTART_TUI_EXIT_AFTER_FIRST_FRAME="1")
    env.pop("LINES", None)
    env.pop("COLUMNS", None)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.closerange(3, 256)
        try:
            os.execve(binary, [binary], env)
        finally:
            os._exit(127)
    os.close(slave)
    received = 0
    status = rusage = None
    while status is None:
        ready, _, _ = select.select([master], [], [], 0.01)
        if ready:
            try:
                received += len(os.read(master, 65536))
            except OSError:  # EIO once the child has closed the pty
                pass
        reaped, st, ru = os.wait4(pid, os.WNOHANG)
        if reaped:
            status, rusage = st, ru
    elapsed = time.perf_counter() - start
    os.close(master)
    if os.waitstatus_to_exitcode(status) != 0 or received == 0:
        sys.exit(f"first_frame: {binary} exited with {os.waitstatus_to_exitcode(status)} after {received} bytes")
    return elapsed, rusage.ru_maxrss


def main():
    binary, runs = sys.argv[1], int(sys.argv[2])
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    for _ in range(warmup):
        run_once(binary)
    results = [run_once(binary) for _ in range(runs)]
    json.dump({"times": [t for t, _ in results], "maxrss_kb": [m for _, m in results]}, sys.stdout)
    print()


main()
