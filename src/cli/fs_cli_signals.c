/* Stopping signals during a command that writes files. A signal handler
 * would run on whichever thread the signal interrupts, where it may neither
 * take a lock nor free memory; a worker could then be making a temporary
 * file at the very moment the handler walks the list, and the file would
 * be left behind. So no handler is installed: the signals are blocked in
 * every thread and one thread of their own waits for them with sigwait,
 * then cleans up as ordinary code does, under the list's lock, and no state
 * needs to be global. */
#include "fs_cli.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/fs_alloc.h"

struct fs_cli_signals {
    pthread_t thread;
    sigset_t waited;   /* the stopping signals not ignored */
    sigset_t previous; /* the calling thread's mask before */
    fs_cleanup *cleanup;
};

static const int stopping[] = {SIGINT, SIGTERM, SIGHUP};

void fs_cli_stopping_signals(sigset_t *set)
{
    sigemptyset(set);
    for (size_t i = 0; i < sizeof stopping / sizeof stopping[0]; i++) {
        struct sigaction current;
        if (sigaction(stopping[i], NULL, &current) == 0 && current.sa_handler != SIG_IGN)
            sigaddset(set, stopping[i]);
    }
}

static void *wait_for_signal(void *argument)
{
    fs_cli_signals *s = argument;
    int number;
    if (sigwait(&s->waited, &number) != 0)
        return NULL;
    /* From here on the process ends: fs_cli_signals_stop must not cancel
     * this thread halfway through the cleanup. */
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
    fs_cleanup_stop(s->cleanup);
    /* End as the signal itself would have, so that the caller sees it (a
     * shell reports 130 for Ctrl-C). */
    signal(number, SIG_DFL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, number);
    pthread_sigmask(SIG_UNBLOCK, &one, NULL);
    raise(number);
    _exit(128 + number);
}

fs_cli_signals *fs_cli_signals_start(fs_cleanup *cleanup)
{
    fs_cli_signals *s = fs_calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->cleanup = cleanup;
    fs_cli_stopping_signals(&s->waited);
    pthread_sigmask(SIG_BLOCK, &s->waited, &s->previous);
    if (pthread_create(&s->thread, NULL, wait_for_signal, s) != 0) {
        pthread_sigmask(SIG_SETMASK, &s->previous, NULL);
        free(s);
        return NULL;
    }
    return s;
}

void fs_cli_signals_stop(fs_cli_signals *s)
{
    if (!s)
        return;
    pthread_cancel(s->thread);
    pthread_join(s->thread, NULL);
    pthread_sigmask(SIG_SETMASK, &s->previous, NULL);
    free(s);
}
