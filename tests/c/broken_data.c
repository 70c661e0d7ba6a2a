/* Loads broken copies of the embedded data (made by make-broken-datasets.sh) and checks each
 * status, message and JSON details.
 * Usage: broken_data BROKEN_DIR */
#include <stdio.h>
#include <string.h>

#include "check.h"

struct broken_case {
    const char *dir;     /* under BROKEN_DIR */
    StStatus status;     /* expected from st_dataset_load */
    const char *kind;    /* the problem kind word, in the message and the details */
    const char *words;   /* more words the message must contain */
};

static const struct broken_case cases[] = {
    {"misquote", ST_STATUS_LOAD_MISQUOTE, "misquote", "Syria Talks Plunge Into Harmony on 2nd Day"},
    {"unknown-reference", ST_STATUS_LOAD_UNKNOWN_REFERENCE, "unknown_reference", "no-such-actor-c-api"},
    {"duplicate-id", ST_STATUS_LOAD_DUPLICATE_ID, "duplicate_id", "staffan-de-mistura"},
    {"bad-date", ST_STATUS_LOAD_BAD_DATE, "bad_date", "2016-02-30"},
    {"wrong-sha", ST_STATUS_LOAD_CHECKSUM, "checksum", "0000000000000000"},
    {"invalid-toml", ST_STATUS_LOAD_PARSE, "parse", "zz-c-api-tamper.toml"},
    {"invalid-utf8", ST_STATUS_LOAD_INVALID_UTF8, "invalid_utf8", "zz-c-api-tamper.toml"},
    {"unlisted-seed", ST_STATUS_LOAD_MANIFEST, "manifest", "zz-c-api-unlisted.txt"},
    {"no-such-directory", ST_STATUS_LOAD_IO, "io", "no such file or directory"},
    {"invalid-utf8-seed", ST_STATUS_LOAD_INVALID_UTF8, "invalid_utf8", "not valid UTF-8"},
    {"symlinked-seed", ST_STATUS_LOAD_IO, "io", "symbolic link"},
};

int main(int argc, char **argv) {
    char path[4096], want[64], buf[256];
    size_t i;
    StDataset *ds = NULL;

    if (argc != 2) {
        fprintf(stderr, "usage: %s BROKEN_DIR\n", argv[0]);
        return 2;
    }

    /* The untouched copy loads: the breakage below is all that is wrong in each case. */
    snprintf(path, sizeof path, "%s/ok", argv[1]);
    CHECK_OK(st_dataset_load(path, &ds));
    CHECK(ds != NULL);
    CHECK(st_last_error_details() == NULL);
    CHECK_OK(st_dataset_free(&ds));

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct broken_case *c = &cases[i];
        const char *message, *details;
        StStatus got;

        snprintf(path, sizeof path, "%s/%s", argv[1], c->dir);
        ds = (StDataset *)path; /* garbage that must be replaced by NULL */
        got = st_dataset_load(path, &ds);
        checks++;
        if (got != c->status) {
            fprintf(stderr, "%s: status %s, expected %s: %s\n", c->dir, st_status_name(got),
                    st_status_name(c->status), st_last_error_message());
            failures++;
        }
        CHECK(ds == NULL);
        CHECK(st_last_error_code() == c->status);
        message = st_last_error_message();
        snprintf(want, sizeof want, "[%s]", c->kind);
        CHECK_CONTAINS(message, "dataset has 1 problem");
        CHECK_CONTAINS(message, want);
        CHECK_CONTAINS(message, c->words);
        details = st_last_error_details();
        snprintf(want, sizeof want, "\"kind\": \"%s\"", c->kind);
        CHECK_CONTAINS(details, want);
        CHECK_CONTAINS(details, "\"message\"");
        /* The status's own description, into a buffer, leaves the error in place. */
        CHECK_OK(st_status_message(got, buf, sizeof buf, NULL));
        CHECK_CONTAINS(buf, "load: ");
        CHECK(st_last_error_details() == details);
        printf("  %-18s -> %-34s %s\n", c->dir, st_status_name(got), buf);

        /* The same with the embedded data underneath. */
        got = st_dataset_load_with_embedded(path, &ds);
        CHECK(got != ST_STATUS_OK);
        CHECK(ds == NULL);
        CHECK_STATUS(st_dataset_free(&ds), ST_STATUS_OK);
    }

    /* A broken load followed by a good call: the error is cleared. */
    {
        const StDataset *emb = NULL;
        CHECK_OK(st_dataset_embedded(&emb));
        CHECK(st_last_error_details() == NULL);
        CHECK_STR(st_last_error_message(), "");
    }
    return finish("broken_data");
}
