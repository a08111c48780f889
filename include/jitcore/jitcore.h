/* jitcore/jitcore.h -- the umbrella header of libjitcore, an embeddable
 * tracing JIT core.  A host includes only this file:
 *
 *     #include <jitcore/jitcore.h>
 *
 * and links with `pkg-config --cflags --libs jitcore`. */
#ifndef JITCORE_JITCORE_H
#define JITCORE_JITCORE_H

#include <jitcore/common.h>
#include <jitcore/version.h>
#include <jitcore/host.h>
#include <jitcore/runtime.h>
#include <jitcore/lower.h>

#endif /* JITCORE_JITCORE_H */
