/* prelude.h -- modules minipy implements in Python (lib/NAME.py, embedded by
 * gen-prelude.py into prelude.c). */
#ifndef MINIPY_PRELUDE_H
#define MINIPY_PRELUDE_H
struct mp_py_module { const char *name; const char *src; };
extern const char *const mp_prelude_builtins;
extern const struct mp_py_module mp_py_modules[];
#endif
