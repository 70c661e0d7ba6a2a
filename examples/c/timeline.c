/* syriatalks from C: the merged timeline and a few answers, each with the words that say it.
 * Build and run: make run   (see Makefile; the library is built with cargo first) */
#include <stdio.h>
#include <string.h>

#include "syriatalks.h"

/* Prints the failed call and the library's message, and returns 1. */
static int fail(const char *what, StStatus status) {
    char buf[128];
    st_status_message(status, buf, sizeof buf, NULL);
    fprintf(stderr, "%s failed: %s (%s): %s\n", what, st_status_name(status), buf, st_last_error_message());
    return 1;
}

/* The name of an actor id, or the id itself. */
static const char *actor_name(const StDataset *ds, const char *id) {
    const StActor *a = NULL;
    return st_actor_get(ds, id, &a) == ST_STATUS_OK ? a->name : id;
}

int main(void) {
    const StDataset *ds = NULL;
    const char *data_version = NULL;
    StResults *timeline = NULL, *in_session = NULL, *tolls = NULL;
    StCandidates *who = NULL;
    StSearchResults *hits = NULL;
    StFilter filter;
    StStatus s;
    size_t i;

    if ((s = st_dataset_embedded(&ds)) != ST_STATUS_OK) return fail("st_dataset_embedded", s);
    st_data_version(ds, &data_version);
    printf("syriatalks %s, data %s\n\n", st_version(), data_version ? data_version : "(none)");

    /* 1. The timeline of 2017, every dated record in order. */
    memset(&filter, 0, sizeof filter);
    filter.since = "2017";
    filter.until = "2017";
    if ((s = st_timeline(ds, &filter, &timeline)) != ST_STATUS_OK) return fail("st_timeline", s);
    printf("Timeline of 2017 (%zu records)\n", timeline->len);
    for (i = 0; i < timeline->len; i++) {
        const StRecordRef *r = &timeline->items[i];
        printf("  %-10s %-10s %-18s %.70s\n", r->date.value, st_record_kind_name(r->kind),
               r->kind_word ? r->kind_word : "", r->label);
    }
    st_results_free(&timeline);

    /* 2. Who headed the government delegation at Geneva IV, and where is it written? */
    {
        const StRound *round = NULL;
        if (st_round_get(ds, "geneva-iv-2017", &round) == ST_STATUS_OK) {
            printf("\n%s (%s, from %s):\n", round->name, round->status, round->start.value ? round->start.value : "?");
            for (i = 0; i < round->delegations_len; i++) {
                const StDelegation *d = &round->delegations[i];
                printf("  %s, headed by %s\n", actor_name(ds, d->party),
                       d->head ? actor_name(ds, d->head) : "(not named)");
            }
            for (i = 0; i < round->evidence_len && i < 2; i++)
                printf("  \"%s\" (%s, bytes %zu-%zu)\n", round->evidence[i].quote, round->evidence[i].source,
                       round->evidence[i].span_start, round->evidence[i].span_end);
        }
    }

    /* 3. What was in session on 23 February 2017? */
    if ((s = st_in_session(ds, "2017-02-23", &in_session)) != ST_STATUS_OK) return fail("st_in_session", s);
    printf("\nIn session on 2017-02-23:");
    for (i = 0; i < in_session->len; i++) printf("%s %s", i ? "," : "", in_session->items[i].label);
    printf("\n");
    st_results_free(&in_session);

    /* 4. Death tolls, as each source claims them (never merged). */
    if ((s = st_figure_series(ds, "deaths", &tolls)) != ST_STATUS_OK) return fail("st_figure_series", s);
    printf("\nDeath tolls claimed:\n");
    for (i = 0; i < tolls->len; i++) {
        const StFigure *f = NULL;
        if (st_figure_at(ds, tolls->items[i].index, &f) != ST_STATUS_OK) continue;
        printf("  %-13s %-9s (%s) as of %s, source %s\n", f->qualifier, f->text, f->scope,
               f->as_of.value ? f->as_of.value : "?", f->evidence_len ? f->evidence[0].source : "external");
    }
    st_results_free(&tolls);

    /* 5. Who is "Jafari"? (a misspelling, resolved) */
    if ((s = st_resolve_actor(ds, "Jafari", &who)) != ST_STATUS_OK) return fail("st_resolve_actor", s);
    printf("\n\"Jafari\" could be:");
    for (i = 0; i < who->len && i < 3; i++)
        printf(" %s (%s, %.2f)", who->items[i].actor.label, who->items[i].how, who->items[i].score);
    printf("\n");
    st_candidates_free(&who);

    /* 6. Where do the articles mention Hardatneen? */
    if ((s = st_search(ds, "Hardatneen", &hits)) != ST_STATUS_OK) return fail("st_search", s);
    printf("\n\"Hardatneen\" in the articles:\n");
    for (i = 0; i < hits->len; i++)
        if (strcmp(hits->items[i].field, "text") == 0)
            printf("  %s: %s\n", hits->items[i].record.id, hits->items[i].snippet);
    st_search_results_free(&hits);

    /* 7. An error, reported rather than crashed on. */
    memset(&filter, 0, sizeof filter);
    filter.kind = "vetos";
    s = st_query(ds, ST_RECORD_KIND_EVENT, &filter, &timeline);
    printf("\nA misspelt kind: %s: %s\n", st_status_name(s), st_last_error_message());
    return 0;
}
