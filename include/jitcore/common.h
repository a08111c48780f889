/* jitcore/common.h -- export and attribute macros shared by every public
 * libjitcore header.  Included by <jitcore/jitcore.h>; not useful alone. */
#ifndef JITCORE_COMMON_H
#define JITCORE_COMMON_H

/* JC_API marks a function exported from libjitcore.so.  The library is
 * built with -fvisibility=hidden, so nothing else leaves it; every exported
 * name is also listed in the symbol-version script (libjitcore/libjitcore.map)
 * under a JITCORE_1.x node. */
#if defined(JC_BUILDING_LIBRARY) && defined(__GNUC__)
# define JC_API __attribute__((visibility("default")))
#else
# define JC_API
#endif

#ifdef __cplusplus
# define JC_BEGIN_DECLS extern "C" {
# define JC_END_DECLS }
#else
# define JC_BEGIN_DECLS
# define JC_END_DECLS
#endif

#endif /* JITCORE_COMMON_H */
