/* Minimal checking macros shared by the C tests. Each test counts failures and exits non-zero. */
#ifndef ST_TEST_CHECK_H
#define ST_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

#include "syriatalks.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                      \
    do {                                                                                 \
        checks++;                                                                        \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);     \
            failures++;                                                                  \
        }                                                                                \
    } while (0)

/* A call must return `want`; on a mismatch, say what it returned and why. */
#define CHECK_STATUS(call, want)                                                         \
    do {                                                                                 \
        StStatus got_ = (call);                                                          \
        checks++;                                                                        \
        if (got_ != (want)) {                                                            \
            fprintf(stderr, "%s:%d: %s returned %s (%d), expected %s: %s\n", __FILE__,   \
                    __LINE__, #call, st_status_name(got_), (int)got_,                    \
                    st_status_name(want), st_last_error_message());                      \
            failures++;                                                                  \
        }                                                                                \
    } while (0)

#define CHECK_OK(call) CHECK_STATUS(call, ST_STATUS_OK)

/* Two C strings must be equal (NULL only equals NULL). */
#define CHECK_STR(a, b)                                                                  \
    do {                                                                                 \
        const char *a_ = (a), *b_ = (b);                                                 \
        checks++;                                                                        \
        if (!((a_ == NULL && b_ == NULL) || (a_ && b_ && strcmp(a_, b_) == 0))) {        \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
                    #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)");                         \
            failures++;                                                                  \
        }                                                                                \
    } while (0)

/* `hay` must contain `needle`. */
#define CHECK_CONTAINS(hay, needle)                                                      \
    do {                                                                                 \
        const char *h_ = (hay), *n_ = (needle);                                          \
        checks++;                                                                        \
        if (!(h_ && strstr(h_, n_))) {                                                   \
            fprintf(stderr, "%s:%d: %s does not contain \"%s\": \"%.300s\"\n", __FILE__, \
                    __LINE__, #hay, n_, h_ ? h_ : "(null)");                             \
            failures++;                                                                  \
        }                                                                                \
    } while (0)

static int finish(const char *name) {
    printf("%s: %d checks, %d failed\n", name, checks, failures);
    return failures == 0 ? 0 : 1;
}

#endif
