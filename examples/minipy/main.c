/* main.c -- the minipy command line: option parsing, interpreter start-up,
 * running a script or -c code on a thread with a large stack, uncaught
 * exceptions and exit status (0 / 1 / 2, as CPython). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>
#include <sys/resource.h>
#include "object.h"
#include "jit/jit.h"
#include "ast.h"
#include "opcodes.h"

#define MINIPY_VERSION "minipy 0.1.0 (Python 3.11 compatible subset)"

char *mp_read_file(const char *path, long *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc(n + 2);
    if (fread(s, 1, n, f) != (size_t)n) { fclose(f); free(s); return NULL; }
    fclose(f);
    s[n] = 0;
    if (len) *len = n;
    return s;
}

static void cache_source(const char *filename, const char *src)
{
    if (!mp.source_cache) mp.source_cache = mp_dict_new();
    Obj *lines = mp_list_new(0);
    const char *p = src;
    while (*p) {
        const char *e = strchr(p, '\n');
        if (!e) e = p + strlen(p);
        Obj *l = mp_str_new(p, e - p);
        mp_list_append(lines, l);
        decref(l);
        p = *e ? e + 1 : e;
    }
    mp_dict_sets(mp.source_cache, filename, lines);
    decref(lines);
}

static Obj *compile_source(const char *filename, const char *src)
{
    cache_source(filename, src);
    uint64_t mark = mp_fe_mark();
    Node *mod = mp_parse(filename, src);
    Obj *co = mod ? mp_compile(mod, filename, src) : NULL;
    mp_fe_release(mark);
    return co;
}

Obj *mp_exec_source(const char *filename, const char *src, Obj *globals)
{
    Obj *co = compile_source(filename, src);
    if (!co) return NULL;
    if (!mp_dict_get(globals, mp.s___builtins__)) mp_dict_set(globals, mp.s___builtins__, mp.builtins);
    Frame *f = mp_frame_new((Code *)co, NULL, globals, globals);
    Obj *r = mp_eval(f);
    mp_frame_free(f);
    return r;
}

static void usage(FILE *out)
{
    fprintf(out,
        "usage: minipy [options] FILE [ARGS...]\n"
        "       minipy [options] -c CODE [ARGS...]\n"
        "Options:\n"
        "  -c CODE             run CODE as the main module\n"
        "  --dis FILE          print the bytecode of FILE and exit\n"
        "  --dis-after         run, then print the (specialized) bytecode\n"
        "  --jit=on|off        the tracing JIT (libjitcore); default on, or MINIPY_JIT=off\n"
        "  --jit-sync          compile traces synchronously (on the interpreter's thread)\n"
        "  --jit-threshold=N   loop-head visits before a trace is selected\n"
        "  --jit-stats         print the JIT's statistics on stderr at exit\n"
        "  --jit-log=CATS      JIT logs: ir,trace,exit,compile,abort,hot or all\n"
        "  --jit-cache=DIR     keep compiled traces in DIR and load them from\n"
        "                      there in later runs (libjitcore's disk cache)\n"
        "  --version           print the version and exit\n"
        "  --help              print this help and exit\n");
}

typedef struct {
    int argc; char **argv;
    const char *code, *file;
    int dis_only, first_arg;
    int status;
    int jit_busy;       /* mp_jit_fini left a compile running: _exit */
    size_t stack_size;  /* the bytes of stack run_thread runs on */
} Run;

static int handle_exit(void)
{
    Obj *e = mp.exc;
    if (mp_isinstance(e, &mp_exc_SystemExit)) {
        Exc *x = (Exc *)e;
        Obj *code = x->args && TN(x->args) ? TITEMS(x->args)[0] : NONE;
        int status = 0;
        if (code == NONE) status = 0;
        else if (IS_INT(code)) status = (int)IV(code);
        else {
            fflush(stdout);
            Obj *s = mp_str(code);
            if (s) { fprintf(stderr, "%s\n", SS(s)); decref(s); }
            status = 1;
        }
        return status;
    }
    mp_print_exception(e);
    return 1;
}

static void dis_all(Obj *co, FILE *out)
{
    mp_dis((Code *)co, out);
    Code *c = (Code *)co;
    for (int64_t i = 0; i < TN(c->consts); i++)
        if (IS(TITEMS(c->consts)[i], code)) { fprintf(out, "\n"); dis_all(TITEMS(c->consts)[i], out); }
}

static void interp_init(void)
{
    mp.limit = 1000;
    mp_gc_init();
    mp_int_init();
    mp_func_init();
    mp_str_init();
    mp_list_init();
    mp_dict_init();
    mp_set_init();
    mp_modules_init();
    mp_builtins_init();
    mp_builtins_init2();
}

static void *run_main(void *arg)
{
    Run *r = arg;
    mp.argv = mp_list_new(0);
    if (r->code) { Obj *s = mp_str_c("-c"); mp_list_append(mp.argv, s); decref(s); }
    for (int i = r->first_arg; i < r->argc; i++) { Obj *s = mp_str_c(r->argv[i]); mp_list_append(mp.argv, s); decref(s); }
    if (!mp_run_prelude()) { mp_print_exception(mp.exc); r->status = 1; return NULL; }
    char *src;
    const char *filename;
    if (r->code) { src = strdup(r->code); filename = "<string>"; mp.script_dir = "."; }
    else {
        filename = r->file;
        src = mp_read_file(filename, NULL);
        if (!src) {
            fprintf(stderr, "minipy: can't open file '%s': [Errno 2] No such file or directory\n", filename);
            r->status = 2;
            return NULL;
        }
        char *dir = strdup(filename);
        char *slash = strrchr(dir, '/');
        if (slash) { *slash = 0; mp.script_dir = dir; } else { free(dir); mp.script_dir = "."; }
    }
    Obj *co = compile_source(filename, src);
    free(src);
    if (!co) { r->status = handle_exit(); return NULL; }
    if (r->dis_only) { dis_all(co, stdout); r->status = 0; return NULL; }
    Obj *main = mp_module_new("__main__");
    Obj *g = ((Module *)main)->dict;
    mp_dict_set(mp.modules, mp.s___main__, main);
    decref(main);   /* mp.modules keeps it */
    mp_dict_set(g, mp.s___builtins__, mp.builtins);
    Obj *fn = mp_str_c(filename);
    mp_dict_set(g, mp.s___file__, fn);
    decref(fn);
    Frame *f = mp_frame_new((Code *)co, NULL, g, g);
    mp_jit_init();
    Obj *res = mp_eval(f);
    mp_frame_free(f);
    fflush(stdout);
    if (!res) r->status = handle_exit();
    else { decref(res); r->status = 0; }
    /* As CPython at exit: the exception goes (with the frames its traceback
     * keeps), then the finalizers of what is still alive run (__del__,
     * close() of suspended generators), while modules are intact. */
    mp_err_clear();
    mp_gc_finalize_all();
    fflush(stdout);
    if (mp.dis_after) { fflush(stdout); dis_all(co, stdout); }
    fflush(stdout);
    r->jit_busy = mp_jit_fini();
    return NULL;
}

/* The interpreter thread: the program, then the teardown (on this thread's
 * large stack: freeing a long chain of objects recurses). */
static void *run_thread(void *arg)
{
    Run *r = arg;
    /* The C stack's guard (mp.stack_floor): 8 MiB above its end (an
     * eighth of a smaller stack) is room for the C calls below the last
     * Python call let in (repr, a teardown, the JIT's helpers). */
    char *here = __builtin_frame_address(0);
    if (r->stack_size) {
        size_t room = r->stack_size >= ((size_t)64 << 20) ? (size_t)8 << 20 : r->stack_size / 8;
        mp.stack_floor = here - r->stack_size + room;
    }
    run_main(r);
    /* Not while a compile runs: the process ends with _exit anyway, and
     * the teardown only frees memory. */
    if (!r->jit_busy) mp_teardown();
    return NULL;
}

int main(int argc, char **argv)
{
    Run r = { argc, argv, NULL, NULL, 0, 0, 0, 0, 0 };
    int i;
    const char *env = getenv("MINIPY_JIT");
    if (env && !strcmp(env, "off")) mp_jit_config.on = 0;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--version") || !strcmp(a, "-V")) { printf("%s\n", MINIPY_VERSION); return 0; }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
        if (!strcmp(a, "-c")) {
            if (i + 1 >= argc) { fprintf(stderr, "Argument expected for the -c option\n"); usage(stderr); return 2; }
            r.code = argv[++i];
            i++;
            break;
        }
        if (!strcmp(a, "--dis")) {
            if (i + 1 >= argc) { fprintf(stderr, "minipy: --dis needs a FILE\n"); return 2; }
            r.dis_only = 1;
            continue;
        }
        if (!strcmp(a, "--dis-after")) { mp.dis_after = 1; continue; }
        if (!strcmp(a, "--jit=on")) { mp_jit_config.on = 1; continue; }
        if (!strcmp(a, "--jit=off")) { mp_jit_config.on = 0; continue; }
        if (!strcmp(a, "--jit-sync")) { mp_jit_config.sync = 1; continue; }
        if (!strcmp(a, "--jit-stats")) { mp_jit_config.stats = 1; continue; }
        if (!strncmp(a, "--jit-threshold=", 16)) {
            char *end;
            long v = strtol(a + 16, &end, 10);
            if (*end || v < 0 || a[16] == 0) { fprintf(stderr, "minipy: bad value for --jit-threshold: '%s'\n", a + 16); return 2; }
            mp_jit_config.threshold = v;
            continue;
        }
        if (!strncmp(a, "--jit-cache=", 12)) {
            if (!a[12]) { fprintf(stderr, "minipy: --jit-cache needs a directory\n"); return 2; }
            mp_jit_config.cache = a + 12;
            continue;
        }
        if (!strncmp(a, "--jit-log=", 10)) {
            if (mp_jit_parse_log(a + 10) < 0) return 2;
            mp_jit_config.log = a + 10;
            continue;
        }
        if (!strncmp(a, "--jit", 5)) { fprintf(stderr, "minipy: unknown JIT option '%s'\n", a); usage(stderr); return 2; }
        if (a[0] == '-' && a[1]) { fprintf(stderr, "minipy: unknown option '%s'\n", a); usage(stderr); return 2; }
        break;
    }
    if (!r.code) {
        if (i >= argc) { fprintf(stderr, "minipy: no input file\n"); usage(stderr); return 2; }
        r.file = argv[i];
    }
    r.first_arg = i;
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    interp_init();
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    r.stack_size = (size_t)1 << 30;
    pthread_attr_setstacksize(&attr, r.stack_size);
    pthread_t th;
    if (pthread_create(&th, &attr, run_thread, &r) != 0) {
        /* On this thread: its stack is the process's limit (none known
         * when unlimited: the guard stays off). */
        struct rlimit rl;
        r.stack_size = getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY
                       ? (size_t)rl.rlim_cur : 0;
        run_thread(&r);
    } else pthread_join(th, NULL);
    fflush(stdout);
    if (r.jit_busy) {
        /* Without waiting for the compile thread (mp_jit_fini). */
        fflush(stderr);
        _exit(r.status);
    }
    return r.status;
}
