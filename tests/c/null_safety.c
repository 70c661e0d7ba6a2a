/* Passes NULL, and garbage, to every argument of every function: each call must return a status
 * (never crash), name the bad argument, and leave its out-params NULL/0.
 * Usage: null_safety FIXTURES_DIR   (holding tiny/) */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* Not UTF-8: a lone continuation byte, an overlong form and an invalid lead byte. */
static const char BAD_UTF8[] = {'a', (char)0x80, (char)0xC0, (char)0xAF, (char)0xFF, 0};

/* Memory that is not a handle (never dereferenced by the library: it checks a registry first). */
static long long fake[64];

#define SENTINEL ((void *)&fake[1])

/* The typed accessors of one record type. */
#define CHECK_AT_GET(at, get, T)                                                     \
    do {                                                                             \
        const T *o = SENTINEL;                                                       \
        CHECK_STATUS(at(NULL, 0, &o), ST_STATUS_NULL_ARGUMENT);                      \
        CHECK(o == NULL);                                                            \
        CHECK_CONTAINS(st_last_error_message(), "`ds`");                             \
        CHECK_STATUS(at(emb, 0, NULL), ST_STATUS_NULL_ARGUMENT);                     \
        CHECK_CONTAINS(st_last_error_message(), "`out`");                            \
        CHECK_STATUS(at(NULL, 0, NULL), ST_STATUS_NULL_ARGUMENT);                    \
        o = SENTINEL;                                                                \
        CHECK_STATUS(at(bogus, 0, &o), ST_STATUS_INVALID_HANDLE);                    \
        CHECK(o == NULL);                                                            \
        CHECK_STATUS(at(freed, 0, &o), ST_STATUS_INVALID_HANDLE);                    \
        o = SENTINEL;                                                                \
        CHECK_STATUS(at(emb, SIZE_MAX, &o), ST_STATUS_OUT_OF_RANGE);                 \
        CHECK(o == NULL);                                                            \
        o = SENTINEL;                                                                \
        CHECK_STATUS(get(NULL, "x", &o), ST_STATUS_NULL_ARGUMENT);                   \
        CHECK(o == NULL);                                                            \
        o = SENTINEL;                                                                \
        CHECK_STATUS(get(emb, NULL, &o), ST_STATUS_NULL_ARGUMENT);                   \
        CHECK(o == NULL);                                                            \
        CHECK_CONTAINS(st_last_error_message(), "`id`");                             \
        CHECK_STATUS(get(emb, "x", NULL), ST_STATUS_NULL_ARGUMENT);                  \
        CHECK_STATUS(get(NULL, NULL, NULL), ST_STATUS_NULL_ARGUMENT);                \
        o = SENTINEL;                                                                \
        CHECK_STATUS(get(emb, BAD_UTF8, &o), ST_STATUS_INVALID_UTF8);                \
        CHECK(o == NULL);                                                            \
        CHECK_CONTAINS(st_last_error_message(), "`id` is not valid UTF-8");          \
        CHECK_STATUS(get(bogus, "x", &o), ST_STATUS_INVALID_HANDLE);                 \
        CHECK_STATUS(get(freed, "x", &o), ST_STATUS_INVALID_HANDLE);                 \
        CHECK_STATUS(get(emb, "", &o), ST_STATUS_NO_SUCH_RECORD);                    \
        CHECK_STATUS(get(emb, "\t\n definitely not an id \x01", &o), ST_STATUS_NO_SUCH_RECORD); \
    } while (0)

/* A function (ds, const char *arg, T **out): NULL and garbage for each argument. */
#define CHECK_DS_STR_OUT(fn, T, argname)                                             \
    do {                                                                             \
        T *o = SENTINEL;                                                             \
        CHECK_STATUS(fn(NULL, "x", &o), ST_STATUS_NULL_ARGUMENT);                    \
        CHECK(o == NULL);                                                            \
        o = SENTINEL;                                                                \
        CHECK_STATUS(fn(emb, NULL, &o), ST_STATUS_NULL_ARGUMENT);                    \
        CHECK(o == NULL);                                                            \
        CHECK_CONTAINS(st_last_error_message(), "`" argname "`");                    \
        CHECK_STATUS(fn(emb, "x", NULL), ST_STATUS_NULL_ARGUMENT);                   \
        CHECK_STATUS(fn(NULL, NULL, NULL), ST_STATUS_NULL_ARGUMENT);                 \
        o = SENTINEL;                                                                \
        CHECK_STATUS(fn(emb, BAD_UTF8, &o), ST_STATUS_INVALID_UTF8);                 \
        CHECK(o == NULL);                                                            \
        CHECK_STATUS(fn(bogus, "x", &o), ST_STATUS_INVALID_HANDLE);                  \
        CHECK(o == NULL);                                                            \
        CHECK_STATUS(fn(freed, "x", &o), ST_STATUS_INVALID_HANDLE);                  \
    } while (0)

/* A function (ds, int32_t kind, const StFilter *, T **out). */
#define CHECK_QUERY(fn, T)                                                           \
    do {                                                                             \
        T *o = SENTINEL;                                                             \
        CHECK_STATUS(fn(NULL, 0, NULL, &o), ST_STATUS_NULL_ARGUMENT);                \
        CHECK(o == NULL);                                                            \
        CHECK_STATUS(fn(emb, 0, NULL, NULL), ST_STATUS_NULL_ARGUMENT);               \
        CHECK_STATUS(fn(bogus, 0, NULL, &o), ST_STATUS_INVALID_HANDLE);              \
        CHECK_STATUS(fn(freed, 0, NULL, &o), ST_STATUS_INVALID_HANDLE);              \
        o = SENTINEL;                                                                \
        CHECK_STATUS(fn(emb, -1, NULL, &o), ST_STATUS_INVALID_ARGUMENT);             \
        CHECK(o == NULL);                                                            \
        CHECK_STATUS(fn(emb, 9, NULL, &o), ST_STATUS_INVALID_ARGUMENT);              \
        CHECK_STATUS(fn(emb, INT32_MAX, NULL, &o), ST_STATUS_INVALID_ARGUMENT);      \
        CHECK_STATUS(fn(emb, INT32_MIN, NULL, &o), ST_STATUS_INVALID_ARGUMENT);      \
        check_filters_##fn(emb);                                                     \
    } while (0)

/* A function (ds, const StFilter *, T **out). */
#define CHECK_TIMELINE(fn, T)                                                        \
    do {                                                                             \
        T *o = SENTINEL;                                                             \
        CHECK_STATUS(fn(NULL, NULL, &o), ST_STATUS_NULL_ARGUMENT);                   \
        CHECK(o == NULL);                                                            \
        CHECK_STATUS(fn(emb, NULL, NULL), ST_STATUS_NULL_ARGUMENT);                  \
        CHECK_STATUS(fn(bogus, NULL, &o), ST_STATUS_INVALID_HANDLE);                 \
        CHECK_STATUS(fn(freed, NULL, &o), ST_STATUS_INVALID_HANDLE);                 \
    } while (0)

static const StDataset *emb = NULL;
static const StDataset *bogus = (const StDataset *)&fake[0];
static const StDataset *freed = NULL;

/* Each filter field in turn set to bad UTF-8, then to nonsense the core refuses. */
#define FILTER_CASES(call)                                                            \
    do {                                                                              \
        StFilter f;                                                                   \
        const char **fields[8];                                                       \
        int i;                                                                        \
        fields[0] = &f.since;                                                         \
        fields[1] = &f.until;                                                         \
        fields[2] = &f.actor;                                                         \
        fields[3] = &f.kind;                                                          \
        fields[4] = &f.place;                                                         \
        fields[5] = &f.round;                                                         \
        fields[6] = &f.source;                                                        \
        fields[7] = &f.text;                                                          \
        for (i = 0; i < 8; i++) {                                                     \
            memset(&f, 0, sizeof f);                                                  \
            *fields[i] = BAD_UTF8;                                                    \
            o = SENTINEL;                                                             \
            CHECK_STATUS(call, ST_STATUS_INVALID_UTF8);                               \
            CHECK(o == NULL);                                                         \
            CHECK_CONTAINS(st_last_error_message(), "filter.");                       \
            memset(&f, 0, sizeof f);                                                  \
            *fields[i] = "\x01\x02 ~~ no such thing ~~";                              \
            o = SENTINEL;                                                             \
            CHECK(call != ST_STATUS_OK || i == 7);                                    \
            if (i < 7) CHECK(o == NULL);                                              \
            if (o && o != SENTINEL) free_any(&o);                                     \
        }                                                                             \
        memset(&f, 0, sizeof f);                                                      \
        f.since = "";                                                                 \
        CHECK_STATUS(call, ST_STATUS_BAD_DATE_ARGUMENT);                              \
        f.since = "2017-02-30";                                                       \
        CHECK_STATUS(call, ST_STATUS_BAD_DATE_ARGUMENT);                              \
        f.since = "99999";                                                            \
        CHECK_STATUS(call, ST_STATUS_BAD_DATE_ARGUMENT);                              \
        f.since = "2017";                                                             \
        f.until = "2016-12-31";                                                       \
        CHECK_STATUS(call, ST_STATUS_EMPTY_RANGE);                                    \
    } while (0)

static void free_results_slot(StResults **r) { CHECK_OK(st_results_free(r)); }
static void free_string_slot(char **s) { CHECK_OK(st_string_free(s)); }

static void check_filters_st_query(const StDataset *ds) {
    StResults *o = NULL;
#define free_any free_results_slot
    FILTER_CASES(st_query(ds, ST_RECORD_KIND_EVENT, &f, &o));
#undef free_any
}

static void check_filters_st_query_json(const StDataset *ds) {
    char *o = NULL;
#define free_any free_string_slot
    FILTER_CASES(st_query_json(ds, ST_RECORD_KIND_EVENT, &f, &o));
#undef free_any
}

static void check_filters_timeline(const StDataset *ds) {
    StResults *o = NULL;
    char *j = NULL;
#define free_any free_results_slot
    FILTER_CASES(st_timeline(ds, &f, &o));
#undef free_any
    {
        StFilter f;
        memset(&f, 0, sizeof f);
        f.actor = BAD_UTF8;
        CHECK_STATUS(st_timeline_json(ds, &f, &j), ST_STATUS_INVALID_UTF8);
        CHECK(j == NULL);
        f.actor = NULL;
        f.kind = "not a kind";
        CHECK_STATUS(st_timeline_json(ds, &f, &j), ST_STATUS_UNKNOWN_KIND);
    }
}

int main(int argc, char **argv) {
    char path[4096];
    StDataset *loaded = NULL;

    if (argc != 2) {
        fprintf(stderr, "usage: %s FIXTURES_DIR\n", argv[0]);
        return 2;
    }
    snprintf(path, sizeof path, "%s/tiny", argv[1]);

    /* Functions without pointer arguments still answer for garbage numbers. */
    CHECK(st_version() != NULL);
    CHECK_STR(st_status_name(INT32_MIN), "ST_STATUS_UNKNOWN");
    CHECK_STR(st_status_name(-1), "ST_STATUS_UNKNOWN");
    CHECK(st_record_kind_name(-1) == NULL);
    CHECK(st_record_kind_name(INT32_MAX) == NULL);
    CHECK(st_record_kind_name(INT32_MIN) == NULL);
    CHECK(st_last_error_message() != NULL);
    (void)st_last_error_code();
    (void)st_last_error_details();

    /* st_status_message: NULL buffer with a length, NULL written, garbage codes. */
    {
        char buf[64];
        size_t n = 77;
        CHECK_STATUS(st_status_message(0, NULL, 10, &n), ST_STATUS_NULL_ARGUMENT);
        CHECK(n == 0);
        CHECK_STATUS(st_status_message(0, NULL, 0, NULL), ST_STATUS_BUFFER_TOO_SMALL);
        CHECK_STATUS(st_status_message(INT32_MAX, buf, sizeof buf, NULL), ST_STATUS_INVALID_ARGUMENT);
        CHECK_STATUS(st_status_message(-5, buf, sizeof buf, &n), ST_STATUS_INVALID_ARGUMENT);
        CHECK_STATUS(st_status_message(0, buf, 1, &n), ST_STATUS_BUFFER_TOO_SMALL);
        CHECK(buf[0] == '\0');
    }

    /* Datasets. */
    CHECK_STATUS(st_dataset_embedded(NULL), ST_STATUS_NULL_ARGUMENT);
    CHECK_CONTAINS(st_last_error_message(), "`out`");
    CHECK_OK(st_dataset_embedded(&emb));
    {
        StDataset *o = SENTINEL;
        CHECK_STATUS(st_dataset_load(NULL, &o), ST_STATUS_NULL_ARGUMENT);
        CHECK(o == NULL);
        CHECK_CONTAINS(st_last_error_message(), "`path`");
        CHECK_STATUS(st_dataset_load(path, NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_dataset_load(NULL, NULL), ST_STATUS_NULL_ARGUMENT);
        o = SENTINEL;
        CHECK_STATUS(st_dataset_load(BAD_UTF8, &o), ST_STATUS_INVALID_UTF8);
        CHECK(o == NULL);
        CHECK_STATUS(st_dataset_load("", &o), ST_STATUS_LOAD_IO);
        CHECK(o == NULL);
        o = SENTINEL;
        CHECK_STATUS(st_dataset_load_with_embedded(NULL, &o), ST_STATUS_NULL_ARGUMENT);
        CHECK(o == NULL);
        CHECK_STATUS(st_dataset_load_with_embedded(path, NULL), ST_STATUS_NULL_ARGUMENT);
        o = SENTINEL;
        CHECK_STATUS(st_dataset_load_with_embedded(BAD_UTF8, &o), ST_STATUS_INVALID_UTF8);
        CHECK(o == NULL);
        CHECK_STATUS(st_dataset_load_with_embedded("/no/such/dir/at/all", &o), ST_STATUS_LOAD_IO);
        CHECK(o == NULL);
    }
    /* A handle that was loaded and freed: every later use is refused. */
    CHECK_OK(st_dataset_load(path, &loaded));
    freed = loaded;
    CHECK_OK(st_dataset_free(&loaded));
    CHECK(loaded == NULL);
    {
        StDataset *stale = (StDataset *)freed;
        StDataset *garbage = (StDataset *)bogus;
        CHECK_STATUS(st_dataset_free(&stale), ST_STATUS_INVALID_HANDLE);
        CHECK(stale == NULL);
        CHECK_STATUS(st_dataset_free(&garbage), ST_STATUS_INVALID_HANDLE);
        CHECK(garbage == NULL);
        CHECK_OK(st_dataset_free(NULL));
    }
    {
        const char *o = SENTINEL;
        CHECK_STATUS(st_data_version(NULL, &o), ST_STATUS_NULL_ARGUMENT);
        CHECK(o == NULL);
        CHECK_STATUS(st_data_version(emb, NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_data_version(bogus, &o), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_data_version(freed, &o), ST_STATUS_INVALID_HANDLE);
    }
    {
        size_t n = 5;
        CHECK_STATUS(st_dataset_count(NULL, 0, &n), ST_STATUS_NULL_ARGUMENT);
        CHECK(n == 0);
        CHECK_STATUS(st_dataset_count(emb, 0, NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_dataset_count(bogus, 0, &n), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_dataset_count(freed, 0, &n), ST_STATUS_INVALID_HANDLE);
        n = 5;
        CHECK_STATUS(st_dataset_count(emb, -1, &n), ST_STATUS_INVALID_ARGUMENT);
        CHECK(n == 0);
        CHECK_STATUS(st_dataset_count(emb, 9, &n), ST_STATUS_INVALID_ARGUMENT);
        CHECK_STATUS(st_dataset_count(emb, INT32_MIN, &n), ST_STATUS_INVALID_ARGUMENT);
        CHECK_CONTAINS(st_last_error_message(), "is not a record kind");
    }

    /* Records. */
    {
        const StRecordRef *o = SENTINEL;
        CHECK_STATUS(st_record_at(NULL, 0, 0, &o), ST_STATUS_NULL_ARGUMENT);
        CHECK(o == NULL);
        CHECK_STATUS(st_record_at(emb, 0, 0, NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_record_at(bogus, 0, 0, &o), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_record_at(freed, 0, 0, &o), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_record_at(emb, 42, 0, &o), ST_STATUS_INVALID_ARGUMENT);
        CHECK_STATUS(st_record_at(emb, -42, 0, &o), ST_STATUS_INVALID_ARGUMENT);
        o = SENTINEL;
        CHECK_STATUS(st_record_at(emb, 0, SIZE_MAX, &o), ST_STATUS_OUT_OF_RANGE);
        CHECK(o == NULL);
    }
    {
        const StRecordRef *o = SENTINEL;
        CHECK_STATUS(st_record_get(NULL, "x", &o), ST_STATUS_NULL_ARGUMENT);
        CHECK(o == NULL);
        CHECK_STATUS(st_record_get(emb, NULL, &o), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_record_get(emb, "x", NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_record_get(emb, BAD_UTF8, &o), ST_STATUS_INVALID_UTF8);
        CHECK_STATUS(st_record_get(bogus, "x", &o), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_record_get(freed, "x", &o), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_record_get(emb, "", &o), ST_STATUS_NO_SUCH_RECORD);
    }
    CHECK_AT_GET(st_source_at, st_source_get, StSource);
    CHECK_AT_GET(st_actor_at, st_actor_get, StActor);
    CHECK_AT_GET(st_place_at, st_place_get, StPlace);
    CHECK_AT_GET(st_round_at, st_round_get, StRound);
    CHECK_AT_GET(st_event_at, st_event_get, StEvent);
    CHECK_AT_GET(st_figure_at, st_figure_get, StFigure);
    CHECK_AT_GET(st_quote_at, st_quote_get, StQuote);
    CHECK_AT_GET(st_position_at, st_position_get, StPosition);
    CHECK_AT_GET(st_instrument_at, st_instrument_get, StInstrument);

    /* Queries. */
    CHECK_QUERY(st_query, StResults);
    CHECK_QUERY(st_query_json, char);
    CHECK_TIMELINE(st_timeline, StResults);
    CHECK_TIMELINE(st_timeline_json, char);
    check_filters_timeline(emb);
    CHECK_DS_STR_OUT(st_in_session, StResults, "date");
    CHECK_DS_STR_OUT(st_figure_series, StResults, "measure");
    CHECK_DS_STR_OUT(st_search, StSearchResults, "words");
    CHECK_DS_STR_OUT(st_search_json, char, "words");
    CHECK_DS_STR_OUT(st_resolve_actor, StCandidates, "name");
    CHECK_DS_STR_OUT(st_record_json, char, "id");

    /* Corroboration and anchored dates. */
    CHECK_DS_STR_OUT(st_claims_json, char, "name");
    CHECK_DS_STR_OUT(st_attestations, StResults, "id");
    CHECK_TIMELINE(st_timeline_collapsed, StResults);
    CHECK_STATUS(st_rounds_in_order(emb, NULL), ST_STATUS_NULL_ARGUMENT);
    {
        StResults *o = SENTINEL;
        CHECK_STATUS(st_rounds_in_order(NULL, &o), ST_STATUS_NULL_ARGUMENT);
        CHECK(o == NULL);
        CHECK_STATUS(st_rounds_in_order(bogus, &o), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_rounds_in_order(freed, &o), ST_STATUS_INVALID_HANDLE);
    }
    {
        size_t n = 77;
        CHECK_STATUS(st_happening_sources(NULL, "x", &n), ST_STATUS_NULL_ARGUMENT);
        CHECK(n == 0);
        n = 77;
        CHECK_STATUS(st_happening_sources(emb, NULL, &n), ST_STATUS_NULL_ARGUMENT);
        CHECK(n == 0);
        CHECK_STATUS(st_happening_sources(emb, "x", NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_happening_sources(emb, BAD_UTF8, &n), ST_STATUS_INVALID_UTF8);
        CHECK_STATUS(st_happening_sources(bogus, "x", &n), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_happening_sources(emb, "no-such-record", &n), ST_STATUS_NO_SUCH_RECORD);
    }
    {
        StDays d;
        memset(&d, 'x', sizeof d);
        CHECK_STATUS(st_record_days(NULL, "x", &d), ST_STATUS_NULL_ARGUMENT);
        CHECK(d.first[0] == '\0' && d.last[0] == '\0');
        CHECK_STATUS(st_record_days(emb, NULL, &d), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_record_days(emb, "x", NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_record_days(emb, BAD_UTF8, &d), ST_STATUS_INVALID_UTF8);
        CHECK_STATUS(st_record_days(freed, "x", &d), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_record_days(emb, "no-such-record", &d), ST_STATUS_NO_SUCH_RECORD);
    }
    {
        StCertainty c = ST_CERTAINTY_CERTAIN;
        CHECK_STATUS(st_date_fit(NULL, "x", NULL, NULL, &c), ST_STATUS_NULL_ARGUMENT);
        CHECK(c == ST_CERTAINTY_OUTSIDE);
        c = ST_CERTAINTY_CERTAIN;
        CHECK_STATUS(st_date_fit(emb, NULL, NULL, NULL, &c), ST_STATUS_NULL_ARGUMENT);
        CHECK(c == ST_CERTAINTY_OUTSIDE);
        CHECK_STATUS(st_date_fit(emb, "syria", NULL, NULL, NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_date_fit(emb, "syria", BAD_UTF8, NULL, &c), ST_STATUS_INVALID_UTF8);
        CHECK_STATUS(st_date_fit(emb, "syria", NULL, "2016-13", &c), ST_STATUS_BAD_DATE_ARGUMENT);
        CHECK_STATUS(st_date_fit(bogus, "syria", NULL, NULL, &c), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_date_fit(emb, "no-such-record", NULL, NULL, &c), ST_STATUS_NO_SUCH_RECORD);
        c = ST_CERTAINTY_CERTAIN;
        CHECK_STATUS(st_session_certainty(NULL, "x", "2016", &c), ST_STATUS_NULL_ARGUMENT);
        CHECK(c == ST_CERTAINTY_OUTSIDE);
        CHECK_STATUS(st_session_certainty(emb, NULL, "2016", &c), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_session_certainty(emb, "geneva-iv-2017", NULL, &c), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_session_certainty(emb, "geneva-iv-2017", "2016", NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_session_certainty(emb, "geneva-iv-2017", BAD_UTF8, &c), ST_STATUS_INVALID_UTF8);
        CHECK_STATUS(st_session_certainty(emb, "geneva-iv-2017", "2017-02-30", &c), ST_STATUS_BAD_DATE_ARGUMENT);
        CHECK_STATUS(st_session_certainty(freed, "geneva-iv-2017", "2016", &c), ST_STATUS_INVALID_HANDLE);
    }
    {
        /* A dates value outside the enum is refused, not read as undefined behaviour. */
        StFilter f;
        StResults *o = SENTINEL;
        int32_t bad = 7;
        memset(&f, 0, sizeof f);
        memcpy(&f.dates, &bad, sizeof bad);
        CHECK_STATUS(st_query(emb, ST_RECORD_KIND_EVENT, &f, &o), ST_STATUS_INVALID_ARGUMENT);
        CHECK(o == NULL);
        CHECK_CONTAINS(st_last_error_message(), "filter.dates");
    }
    CHECK_DS_STR_OUT(st_retirement_json, char, "id");
    {
        char *o = SENTINEL;
        CHECK_STATUS(st_cite(NULL, "x", "bibtex", &o), ST_STATUS_NULL_ARGUMENT);
        CHECK(o == NULL);
        o = SENTINEL;
        CHECK_STATUS(st_cite(emb, NULL, "bibtex", &o), ST_STATUS_NULL_ARGUMENT);
        CHECK(o == NULL);
        CHECK_CONTAINS(st_last_error_message(), "`id`");
        CHECK_STATUS(st_cite(emb, "x", NULL, &o), ST_STATUS_NULL_ARGUMENT);
        CHECK_CONTAINS(st_last_error_message(), "`style`");
        CHECK_STATUS(st_cite(emb, "x", "bibtex", NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_cite(NULL, NULL, NULL, NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_cite(emb, BAD_UTF8, "bibtex", &o), ST_STATUS_INVALID_UTF8);
        CHECK_STATUS(st_cite(emb, "x", BAD_UTF8, &o), ST_STATUS_INVALID_UTF8);
        CHECK_STATUS(st_cite(bogus, "x", "bibtex", &o), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_cite(freed, "x", "bibtex", &o), ST_STATUS_INVALID_HANDLE);
        CHECK(o == NULL);
    }
    {
        StResults *o = SENTINEL;
        CHECK_STATUS(st_in_session(emb, "", &o), ST_STATUS_BAD_DATE_ARGUMENT);
        CHECK(o == NULL);
        CHECK_STATUS(st_in_session(emb, "2017-02-29", &o), ST_STATUS_BAD_DATE_ARGUMENT);
        CHECK_STATUS(st_figure_series(emb, "", &o), ST_STATUS_UNKNOWN_KIND);
        CHECK_STATUS(st_figure_series(emb, "event", &o), ST_STATUS_UNKNOWN_KIND);
    }
    {
        char *o = SENTINEL;
        CHECK_STATUS(st_dataset_json(NULL, &o), ST_STATUS_NULL_ARGUMENT);
        CHECK(o == NULL);
        CHECK_STATUS(st_dataset_json(emb, NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_dataset_json(bogus, &o), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_dataset_json(freed, &o), ST_STATUS_INVALID_HANDLE);
    }
    {
        char *o = SENTINEL;
        StResults *r = NULL;
        CHECK_OK(st_in_session(emb, "2017-02-23", &r));
        CHECK_STATUS(st_results_json(NULL, r, &o), ST_STATUS_NULL_ARGUMENT);
        CHECK(o == NULL);
        CHECK_STATUS(st_results_json(emb, NULL, &o), ST_STATUS_NULL_ARGUMENT);
        CHECK_CONTAINS(st_last_error_message(), "`results`");
        CHECK_STATUS(st_results_json(emb, r, NULL), ST_STATUS_NULL_ARGUMENT);
        CHECK_STATUS(st_results_json(bogus, r, &o), ST_STATUS_INVALID_HANDLE);
        CHECK_STATUS(st_results_json(emb, (const StResults *)&fake[2], &o), ST_STATUS_INVALID_HANDLE);
        CHECK(o == NULL);
        CHECK_OK(st_results_free(&r));
    }

    /* Free functions: NULL slot, NULL content, garbage, and a pointer freed twice. */
    {
        StResults *r = NULL, *stale;
        StSearchResults *s = NULL, *stale_s;
        StCandidates *c = NULL, *stale_c;
        char *j = NULL, *stale_j;
        char not_ours[] = "a string this library never returned";

        CHECK_OK(st_results_free(NULL));
        CHECK_OK(st_results_free(&r));
        CHECK_OK(st_search_results_free(NULL));
        CHECK_OK(st_search_results_free(&s));
        CHECK_OK(st_candidates_free(NULL));
        CHECK_OK(st_candidates_free(&c));
        CHECK_OK(st_string_free(NULL));
        CHECK_OK(st_string_free(&j));

        r = (StResults *)&fake[3];
        CHECK_STATUS(st_results_free(&r), ST_STATUS_INVALID_HANDLE);
        CHECK(r == NULL);
        s = (StSearchResults *)&fake[3];
        CHECK_STATUS(st_search_results_free(&s), ST_STATUS_INVALID_HANDLE);
        CHECK(s == NULL);
        c = (StCandidates *)&fake[3];
        CHECK_STATUS(st_candidates_free(&c), ST_STATUS_INVALID_HANDLE);
        CHECK(c == NULL);
        j = not_ours;
        CHECK_STATUS(st_string_free(&j), ST_STATUS_INVALID_HANDLE);
        CHECK(j == NULL);
        j = (char *)st_version();
        CHECK_STATUS(st_string_free(&j), ST_STATUS_INVALID_HANDLE);

        /* A list freed through one slot and then through a stale copy; a list of one type
         * handed to another type's free function. */
        CHECK_OK(st_timeline(emb, NULL, &r));
        stale = r;
        CHECK_OK(st_results_free(&r));
        CHECK_STATUS(st_results_free(&stale), ST_STATUS_INVALID_HANDLE);
        CHECK_OK(st_search(emb, "Geneva", &s));
        stale_s = s;
        {
            StResults *wrong = (StResults *)s;
            CHECK_STATUS(st_results_free(&wrong), ST_STATUS_INVALID_HANDLE);
        }
        CHECK_OK(st_search_results_free(&s));
        CHECK_STATUS(st_search_results_free(&stale_s), ST_STATUS_INVALID_HANDLE);
        CHECK_OK(st_resolve_actor(emb, "Mistura", &c));
        stale_c = c;
        CHECK_OK(st_candidates_free(&c));
        CHECK_STATUS(st_candidates_free(&stale_c), ST_STATUS_INVALID_HANDLE);
        CHECK_OK(st_record_json(emb, "staffan-de-mistura", &j));
        stale_j = j;
        CHECK_OK(st_string_free(&j));
        CHECK_STATUS(st_string_free(&stale_j), ST_STATUS_INVALID_HANDLE);
    }

    {
        /* st_query_arrow: the stream is released (release == NULL) before any check fails. */
        struct ArrowArrayStream stream;
        StFilter f;
        memset(&stream, 0xab, sizeof stream);
        CHECK_STATUS(st_query_arrow(NULL, ST_RECORD_KIND_EVENT, NULL, &stream), ST_STATUS_NULL_ARGUMENT);
        CHECK(stream.release == NULL);
        CHECK_STATUS(st_query_arrow(emb, ST_RECORD_KIND_EVENT, NULL, NULL), ST_STATUS_NULL_ARGUMENT);
        memset(&stream, 0xab, sizeof stream);
        CHECK_STATUS(st_query_arrow(freed, ST_RECORD_KIND_EVENT, NULL, &stream), ST_STATUS_INVALID_HANDLE);
        CHECK(stream.release == NULL);
        memset(&stream, 0xab, sizeof stream);
        CHECK_STATUS(st_query_arrow(emb, -1, NULL, &stream), ST_STATUS_INVALID_ARGUMENT);
        CHECK(stream.release == NULL);
        memset(&f, 0, sizeof f);
        f.actor = BAD_UTF8;
        memset(&stream, 0xab, sizeof stream);
        CHECK_STATUS(st_query_arrow(emb, ST_RECORD_KIND_EVENT, &f, &stream), ST_STATUS_INVALID_UTF8);
        CHECK(stream.release == NULL);
        f.actor = NULL;
        f.since = "2017-02-30";
        memset(&stream, 0xab, sizeof stream);
        CHECK_STATUS(st_query_arrow(emb, ST_RECORD_KIND_EVENT, &f, &stream), ST_STATUS_BAD_DATE_ARGUMENT);
        CHECK(stream.release == NULL);
    }

    return finish("null_safety");
}
