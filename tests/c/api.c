/* Exercises every function of the C API: the embedded dataset (checks that hold for any correct
 * data) and the tiny fixture dataset (exact answers).
 * Usage: api FIXTURES_DIR   (holding tiny/ and extra/) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef __STDC_NO_THREADS__
#include <threads.h>
#endif

#include "check.h"

static char path_buf[4096];

#ifndef __STDC_NO_THREADS__
/* In a second thread: a failed call, then queries on the shared embedded handle. Returns 0 when
 * all went as expected. */
static int worker(void *arg) {
    const StDataset *emb = arg;
    StResults *res = NULL;
    size_t n = 0;
    int bad = 0;
    bad |= st_dataset_count(emb, 77, &n) != ST_STATUS_INVALID_ARGUMENT;
    bad |= st_last_error_code() != ST_STATUS_INVALID_ARGUMENT;
    bad |= st_timeline(emb, NULL, &res) != ST_STATUS_OK || res == NULL || res->len == 0;
    bad |= st_results_free(&res) != ST_STATUS_OK;
    bad |= st_last_error_code() != ST_STATUS_OK;
    return bad;
}

/* The last error is per thread, and a dataset handle may be shared between threads. */
static void check_threads(const StDataset *emb) {
    thrd_t t[2];
    int rc[2] = {1, 1}, i;
    const StEvent *e = NULL;
    CHECK_STATUS(st_event_get(emb, "no-such-event-here", &e), ST_STATUS_NO_SUCH_RECORD);
    for (i = 0; i < 2; i++) CHECK(thrd_create(&t[i], worker, (void *)emb) == thrd_success);
    for (i = 0; i < 2; i++) CHECK(thrd_join(t[i], &rc[i]) == thrd_success);
    CHECK(rc[0] == 0 && rc[1] == 0);
    CHECK(st_last_error_code() == ST_STATUS_NO_SUCH_RECORD);
    CHECK_CONTAINS(st_last_error_message(), "no-such-event-here");
}
#else
static void check_threads(const StDataset *emb) { (void)emb; }
#endif

static const char *fixture(const char *root, const char *name) {
    snprintf(path_buf, sizeof path_buf, "%s/%s", root, name);
    return path_buf;
}

/* Every evidence entry's span must cut its quote out of its source's text. */
static void check_spans(const StDataset *ds, const StEvidence *ev, size_t n) {
    size_t i;
    CHECK((ev == NULL) == (n == 0));
    for (i = 0; i < n; i++) {
        const StSource *src = NULL;
        CHECK_OK(st_source_get(ds, ev[i].source, &src));
        CHECK(ev[i].has_span);
        if (src && ev[i].has_span) {
            size_t len = ev[i].span_end - ev[i].span_start;
            CHECK(ev[i].span_end <= src->text_len);
            CHECK(len == strlen(ev[i].quote));
            CHECK(memcmp(src->text + ev[i].span_start, ev[i].quote, len) == 0);
        }
    }
}

/* Counts per kind, every record reachable by index and by id, every quote where its span says. */
static void check_walk(const StDataset *ds) {
    int32_t kind;
    size_t total = 0;
    for (kind = ST_RECORD_KIND_SOURCE; kind <= ST_RECORD_KIND_INSTRUMENT; kind++) {
        size_t n = 99, i;
        CHECK_OK(st_dataset_count(ds, kind, &n));
        total += n;
        for (i = 0; i < n; i++) {
            const StRecordRef *r = NULL, *again = NULL;
            CHECK_OK(st_record_at(ds, kind, i, &r));
            if (!r) continue;
            CHECK(r->kind == kind && r->index == i && r->id && r->label);
            CHECK_OK(st_record_get(ds, r->id, &again));
            CHECK(again == r);
            CHECK((r->date.value == NULL) == (r->date.precision == ST_PRECISION_NONE));
        }
        {
            const StRecordRef *r = (const StRecordRef *)1;
            CHECK_STATUS(st_record_at(ds, kind, n, &r), ST_STATUS_OUT_OF_RANGE);
            CHECK(r == NULL);
        }
    }
    CHECK(total > 0);
    {
        size_t n = 0, i;
        CHECK_OK(st_dataset_count(ds, ST_RECORD_KIND_SOURCE, &n));
        for (i = 0; i < n; i++) {
            const StSource *s = NULL;
            CHECK_OK(st_source_at(ds, i, &s));
            if (s) {
                CHECK(strlen(s->text) == s->text_len);
                CHECK(strlen(s->sha256) == 64);
                check_spans(ds, s->evidence, s->evidence_len);
            }
        }
        CHECK_OK(st_dataset_count(ds, ST_RECORD_KIND_ACTOR, &n));
        for (i = 0; i < n; i++) {
            const StActor *a = NULL;
            CHECK_OK(st_actor_at(ds, i, &a));
            if (a) check_spans(ds, a->evidence, a->evidence_len);
        }
        CHECK_OK(st_dataset_count(ds, ST_RECORD_KIND_PLACE, &n));
        for (i = 0; i < n; i++) {
            const StPlace *p = NULL;
            CHECK_OK(st_place_at(ds, i, &p));
            if (p) check_spans(ds, p->evidence, p->evidence_len);
        }
        CHECK_OK(st_dataset_count(ds, ST_RECORD_KIND_ROUND, &n));
        for (i = 0; i < n; i++) {
            const StRound *r = NULL;
            CHECK_OK(st_round_at(ds, i, &r));
            if (r) check_spans(ds, r->evidence, r->evidence_len);
        }
        CHECK_OK(st_dataset_count(ds, ST_RECORD_KIND_EVENT, &n));
        for (i = 0; i < n; i++) {
            const StEvent *e = NULL;
            CHECK_OK(st_event_at(ds, i, &e));
            if (e) {
                CHECK(e->date.value != NULL);
                check_spans(ds, e->evidence, e->evidence_len);
            }
        }
        CHECK_OK(st_dataset_count(ds, ST_RECORD_KIND_FIGURE, &n));
        for (i = 0; i < n; i++) {
            const StFigure *f = NULL;
            CHECK_OK(st_figure_at(ds, i, &f));
            if (f) check_spans(ds, f->evidence, f->evidence_len);
        }
        CHECK_OK(st_dataset_count(ds, ST_RECORD_KIND_QUOTE, &n));
        for (i = 0; i < n; i++) {
            const StQuote *q = NULL;
            CHECK_OK(st_quote_at(ds, i, &q));
            if (q) check_spans(ds, q->evidence, q->evidence_len);
        }
        CHECK_OK(st_dataset_count(ds, ST_RECORD_KIND_POSITION, &n));
        for (i = 0; i < n; i++) {
            const StPosition *p = NULL;
            CHECK_OK(st_position_at(ds, i, &p));
            if (p) check_spans(ds, p->evidence, p->evidence_len);
        }
        CHECK_OK(st_dataset_count(ds, ST_RECORD_KIND_INSTRUMENT, &n));
        for (i = 0; i < n; i++) {
            const StInstrument *x = NULL;
            CHECK_OK(st_instrument_at(ds, i, &x));
            if (x) check_spans(ds, x->evidence, x->evidence_len);
        }
    }
}

static int results_have(const StResults *r, const char *id) {
    size_t i;
    for (i = 0; r && i < r->len; i++)
        if (strcmp(r->items[i].id, id) == 0) return 1;
    return 0;
}

/* Corroboration and anchored dates: claims, attestations, a collapsed timeline, days, date fit,
 * session certainty, rounds in time order, and the dates filter. */
static void check_happenings(const StDataset *emb) {
    StResults *res = NULL, *all = NULL;
    char *json = NULL;
    const StEvent *e = NULL;
    const StFigure *fig = NULL;
    StDays days;
    StCertainty c = ST_CERTAINTY_CERTAIN;
    size_t n = 0, i;

    CHECK_OK(st_claims_json(emb, "death-toll", &json));
    CHECK_CONTAINS(json, "\"key\": \"death-toll\"");
    CHECK_CONTAINS(json, "a004-fig-deaths-400000");
    CHECK_CONTAINS(json, "\"field\": \"value\"");
    CHECK_OK(st_string_free(&json));
    CHECK_STATUS(st_claims_json(emb, "no-such-happening", &json), ST_STATUS_NAME_NOT_FOUND);
    CHECK(json == NULL);

    CHECK_OK(st_attestations(emb, "a000-ev-conflict-began", &res));
    CHECK(res != NULL && res->len == 4);
    CHECK(results_have(res, "a004-ev-war-began") && results_have(res, "a003-ev-conflict-began"));
    CHECK_OK(st_results_free(&res));
    CHECK_OK(st_attestations(emb, "a002-ev-hardatneen-captured", &res));
    CHECK(res != NULL && res->len == 0);
    CHECK_OK(st_results_free(&res));
    CHECK_STATUS(st_attestations(emb, "nope", &res), ST_STATUS_NO_SUCH_RECORD);

    CHECK_OK(st_happening_sources(emb, "a001-ev-conflict-began", &n));
    CHECK(n == 5);
    CHECK_OK(st_happening_sources(emb, "a002-ev-hardatneen-captured", &n));
    CHECK(n == 1);

    /* A collapsed timeline has one row per happening: the full one minus the folded rows. */
    CHECK_OK(st_timeline(emb, NULL, &all));
    CHECK_OK(st_timeline_collapsed(emb, NULL, &res));
    if (all && res) {
        size_t folded = 0;
        CHECK(res->len < all->len);
        for (i = 0; i < res->len; i++) {
            CHECK_OK(st_happening_sources(emb, res->items[i].id, &n));
            folded += n - 1;
        }
        /* Every happening in the data has one record per source. */
        CHECK(res->len + folded == all->len);
    }
    CHECK_OK(st_results_free(&res));
    CHECK_OK(st_results_free(&all));

    CHECK_OK(st_event_get(emb, "a000-ev-same-table", &e));
    if (e) {
        CHECK_STR(e->date.during, "geneva-iv-2017");
        CHECK(e->date.after == NULL && e->date.before == NULL);
        CHECK(e->happening == NULL);
    }
    CHECK_OK(st_event_get(emb, "a001-ev-conflict-began", &e));
    if (e) CHECK_STR(e->happening, "conflict-began");
    CHECK_OK(st_figure_get(emb, "a004-fig-deaths-400000", &fig));
    if (fig) CHECK_STR(fig->happening, "death-toll");

    CHECK_OK(st_record_days(emb, "a000-ev-same-table", &days));
    CHECK_STR(days.first, "2017-02-23");
    CHECK(strcmp(days.last, "2017-02-23") > 0 && strcmp(days.last, "2017-07-01") < 0);
    CHECK_OK(st_record_days(emb, "syria", &days));
    CHECK(days.first[0] == '\0' && days.last[0] == '\0');

    CHECK_OK(st_date_fit(emb, "a002-ev-hardatneen-captured", "2016-02-01", "2016-02-03", &c));
    CHECK(c == ST_CERTAINTY_CERTAIN);
    CHECK_OK(st_date_fit(emb, "a000-ev-east-aleppo-recaptured", "2016-02-01", "2016-02-03", &c));
    CHECK(c == ST_CERTAINTY_POSSIBLE);
    CHECK_OK(st_date_fit(emb, "a000-ev-east-aleppo-recaptured", "2017", NULL, &c));
    CHECK(c == ST_CERTAINTY_OUTSIDE);
    CHECK_OK(st_date_fit(emb, "syria", NULL, NULL, &c));
    CHECK(c == ST_CERTAINTY_OUTSIDE);
    CHECK_STATUS(st_date_fit(emb, "syria", "2017", "2016", &c), ST_STATUS_EMPTY_RANGE);

    CHECK_OK(st_session_certainty(emb, "geneva-iii-2016", "2016-02-02", &c));
    CHECK(c == ST_CERTAINTY_CERTAIN);
    CHECK_OK(st_session_certainty(emb, "geneva-iv-2017", "2017-02-28", &c));
    CHECK(c == ST_CERTAINTY_POSSIBLE);
    CHECK_OK(st_session_certainty(emb, "astana-2017", "2017-02-28", &c));
    CHECK(c == ST_CERTAINTY_OUTSIDE);
    CHECK_STATUS(st_session_certainty(emb, "a000-ev-same-table", "2017", &c), ST_STATUS_NO_SUCH_RECORD);

    CHECK_OK(st_rounds_in_order(emb, &res));
    if (res) {
        size_t vienna = res->len, geneva3 = res->len;
        for (i = 0; i < res->len; i++) {
            if (strcmp(res->items[i].id, "vienna-2015") == 0) vienna = i;
            if (strcmp(res->items[i].id, "geneva-iii-2016") == 0) geneva3 = i;
        }
        CHECK(vienna < geneva3 && geneva3 < res->len);
    }
    CHECK_OK(st_results_free(&res));

    /* The dates filter: a zero-initialised filter keeps what possibly falls in the range. */
    {
        StFilter f;
        size_t possible = 0;
        memset(&f, 0, sizeof f);
        f.since = "2016-02-01";
        f.until = "2016-02-03";
        CHECK(f.dates == ST_CERTAINTY_POSSIBLE);
        CHECK_OK(st_query(emb, ST_RECORD_KIND_EVENT, &f, &res));
        if (res) possible = res->len;
        CHECK(results_have(res, "a000-ev-east-aleppo-recaptured"));
        CHECK_OK(st_results_free(&res));
        f.dates = ST_CERTAINTY_CERTAIN;
        CHECK_OK(st_query(emb, ST_RECORD_KIND_EVENT, &f, &res));
        CHECK(res != NULL && res->len > 0 && res->len < possible);
        CHECK(!results_have(res, "a000-ev-east-aleppo-recaptured"));
        CHECK(results_have(res, "a002-ev-hardatneen-captured"));
        CHECK_OK(st_results_free(&res));
        f.dates = ST_CERTAINTY_OUTSIDE;
        CHECK_STATUS(st_query(emb, ST_RECORD_KIND_EVENT, &f, &res), ST_STATUS_INVALID_ARGUMENT);
        CHECK(res == NULL);
    }
}

/* Queries that hold for any correct data. */
static void check_embedded(const StDataset *emb) {
    const char *dv = NULL;
    const StSource *src = NULL;
    const StActor *mistura = NULL;
    const StRound *round = NULL;
    StResults *res = NULL;
    StSearchResults *hits = NULL;
    StCandidates *cands = NULL;
    char *json = NULL;
    size_t i;

    CHECK_OK(st_data_version(emb, &dv));
    CHECK(dv != NULL && strlen(dv) > 0);

    CHECK_OK(st_source_get(emb, "src-2016-02-disarray", &src));
    if (src) {
        CHECK_STR(src->id, "src-2016-02-disarray");
        CHECK(src->title != NULL && src->file != NULL);
        CHECK_STR(src->published.value, "2016-02-02");
        CHECK(src->published.precision == ST_PRECISION_DAY);
        CHECK(src->published.year == 2016 && src->published.month == 2 && src->published.day == 2);
    }
    CHECK_OK(st_actor_get(emb, "staffan-de-mistura", &mistura));
    if (mistura) CHECK_STR(mistura->name, "Staffan de Mistura");
    CHECK_OK(st_round_get(emb, "geneva-iv-2017", &round));
    if (round) CHECK_CONTAINS(round->name, "Geneva");

    /* The timeline is chronological. */
    CHECK_OK(st_timeline(emb, NULL, &res));
    if (res) {
        CHECK(res->len > 0);
        for (i = 0; i + 1 < res->len; i++) {
            CHECK(res->items[i].date.value != NULL);
            CHECK(res->items[i].date.year <= res->items[i + 1].date.year);
        }
    }
    CHECK_OK(st_results_free(&res));
    CHECK(res == NULL);

    CHECK_OK(st_in_session(emb, "2017-02-23", &res));
    CHECK(results_have(res, "geneva-iv-2017"));
    CHECK_OK(st_results_free(&res));

    CHECK_OK(st_figure_series(emb, "deaths", &res));
    if (res)
        for (i = 0; i < res->len; i++) CHECK(res->items[i].kind == ST_RECORD_KIND_FIGURE);
    CHECK_OK(st_results_free(&res));

    {
        StFilter f;
        memset(&f, 0, sizeof f);
        f.source = "src-2016-02-disarray";
        CHECK_OK(st_query(emb, ST_RECORD_KIND_SOURCE, &f, &res));
        CHECK(res != NULL && res->len == 1 && strcmp(res->items[0].id, "src-2016-02-disarray") == 0);
        CHECK_OK(st_results_free(&res));
    }

    CHECK_OK(st_search(emb, "Hardatneen", &hits));
    if (hits) {
        int in_text = 0;
        for (i = 0; i < hits->len; i++) {
            const StSearchHit *h = &hits->items[i];
            if (strcmp(h->field, "text") == 0) {
                const StSource *s = NULL;
                CHECK_OK(st_source_get(emb, h->record.id, &s));
                if (s) CHECK(memcmp(s->text + h->span_start, "Hardatneen", 10) == 0);
                in_text = 1;
            }
        }
        CHECK(in_text);
    }
    CHECK_OK(st_search_results_free(&hits));
    CHECK(hits == NULL);

    CHECK_OK(st_resolve_actor(emb, "Mistrua", &cands));
    CHECK(cands != NULL && cands->len >= 1);
    if (cands && cands->len >= 1) CHECK_STR(cands->items[0].actor.id, "staffan-de-mistura");
    CHECK_OK(st_candidates_free(&cands));
    CHECK(cands == NULL);

    CHECK_OK(st_record_json(emb, "staffan-de-mistura", &json));
    CHECK_CONTAINS(json, "\"type\": \"actor\"");
    CHECK_CONTAINS(json, "\"id\": \"staffan-de-mistura\"");
    CHECK_OK(st_string_free(&json));
    CHECK(json == NULL);

    CHECK_OK(st_dataset_json(emb, &json));
    CHECK_CONTAINS(json, "\"sources\"");
    CHECK_CONTAINS(json, "src-2016-02-disarray");
    CHECK_OK(st_string_free(&json));

    check_walk(emb);
}

static void check_records(const StDataset *ds) {
    const StSource *s = NULL;
    const StActor *a = NULL;
    const StPlace *p = NULL;
    const StRound *r = NULL;
    const StEvent *e = NULL;
    const StFigure *f = NULL;
    const StQuote *q = NULL;
    const StPosition *o = NULL;
    const StInstrument *x = NULL;
    const StRecordRef *ref = NULL;
    const char *dv = (const char *)1;
    static const size_t expected[9] = {1, 6, 3, 1, 3, 2, 1, 1, 1};
    int32_t kind;

    CHECK_OK(st_data_version(ds, &dv));
    CHECK(dv == NULL);
    for (kind = 0; kind < 9; kind++) {
        size_t n = 0;
        CHECK_OK(st_dataset_count(ds, kind, &n));
        CHECK(n == expected[kind]);
    }

    CHECK_OK(st_source_at(ds, 0, &s));
    CHECK_OK(st_source_get(ds, "src-tiny", &s));
    if (s) {
        CHECK_STR(s->outlet, "RtoP Weekly");
        CHECK(s->author == NULL && s->url == NULL && s->note == NULL);
        CHECK_STR(s->published.value, "2017-03");
        CHECK(s->published.precision == ST_PRECISION_MONTH && s->published.day == 0);
        CHECK_STR(s->published.basis, "inferred");
        CHECK_STR(s->published.qualifier, "early");
        CHECK(s->text_len == 3151);
        CHECK_STR(s->sha256, "b7d49e51c4008e5d22e72f687fac051bfe696deb20c90c5edf310f6805583e9c");
        CHECK_STR(s->file, "000_d096729302f96f2b.txt");
    }

    CHECK_OK(st_actor_get(ds, "staffan-de-mistura", &a));
    if (a) {
        CHECK_STR(a->kind, "person");
        CHECK(a->aliases_len == 2);
        CHECK_STR(a->aliases[1], "de Mistura");
        CHECK(a->roles_len == 1);
        CHECK_STR(a->roles[0].title, "UN Special Envoy for Syria");
        CHECK(a->roles[0].of == NULL && a->roles[0].as_of.value == NULL);
        CHECK(a->member_of_len == 0 && a->member_of == NULL);
        CHECK(a->evidence_len == 2);
        CHECK(a->external_len == 0 && a->external == NULL);
    }
    CHECK_OK(st_actor_at(ds, 0, &a));

    CHECK_OK(st_place_get(ds, "east-aleppo", &p));
    if (p) {
        CHECK_STR(p->kind, "district");
        CHECK_STR(p->within, "aleppo");
    }
    CHECK_OK(st_place_at(ds, 2, &p));
    CHECK(p != NULL && strcmp(p->id, "east-aleppo") == 0);

    CHECK_OK(st_round_get(ds, "geneva-iv-2017", &r));
    CHECK_OK(st_round_at(ds, 0, &r));
    if (r) {
        CHECK_STR(r->name, "Geneva IV");
        CHECK_STR(r->aliases[0], "Geneva 4");
        CHECK_STR(r->process, "geneva");
        CHECK_STR(r->status, "held");
        CHECK(r->ordinal == 4);
        CHECK_STR(r->start.value, "2017-02-23");
        CHECK_STR(r->start.basis, "stated");
        CHECK_STR(r->start.quote, "On 23 February");
        CHECK(r->start.precision == ST_PRECISION_DAY);
        CHECK(r->end.value == NULL && r->end.precision == ST_PRECISION_NONE);
        CHECK(r->places_len == 1 && r->mediators_len == 1);
        CHECK_STR(r->places[0], "geneva");
        CHECK_STR(r->mediators[0], "staffan-de-mistura");
        CHECK(r->delegations_len == 1);
        CHECK_STR(r->delegations[0].party, "syrian-government");
        CHECK_STR(r->delegations[0].head, "bashar-al-jaafari");
        CHECK(r->delegations[0].members_len == 0);
        CHECK(r->agenda_len == 1);
        CHECK_STR(r->agenda[0].item, "the Syrian political transition");
        CHECK(r->agenda[0].proposed_by == NULL);
        CHECK(r->outcome == NULL && r->follows == NULL && r->instruments_len == 0);
        CHECK(r->evidence_len == 4); /* own, delegation, agenda, start date */
    }

    CHECK_OK(st_event_get(ds, "veto-2017-02-28", &e));
    if (e) {
        CHECK_STR(e->kind, "veto");
        CHECK_STR(e->date.value, "2017-02-28");
        CHECK_STR(e->date.basis, "derived");
        CHECK_STR(e->date.quote, "on Tuesday");
        CHECK(e->until.value == NULL);
        CHECK(e->actors_len == 3);
        CHECK_STR(e->actors[0].actor, "russia");
        CHECK_STR(e->actors[2].role, "target");
        CHECK(e->instruments_len == 1);
        CHECK_STR(e->instruments[0], "draft-sanctions-2017");
        CHECK(e->round == NULL && e->places_len == 0);
    }
    CHECK_OK(st_event_at(ds, 2, &e));
    CHECK(e != NULL && strcmp(e->id, "coi-report-2017-03-01") == 0);

    CHECK_OK(st_figure_get(ds, "deaths-450k", &f));
    if (f) {
        CHECK(f->value == 450000);
        CHECK_STR(f->measure, "deaths");
        CHECK_STR(f->qualifier, "more_than");
        CHECK_STR(f->text, "450,000");
        CHECK(f->claimed_by_len == 0 && f->period_start.value == NULL && f->as_of.value == NULL);
    }
    CHECK_OK(st_figure_at(ds, 1, &f));
    if (f) {
        CHECK_STR(f->id, "civilians-killed-2017-02");
        CHECK_STR(f->period_start.value, "2017-02");
        CHECK_STR(f->period_start.note, "February of the year the talks opened.");
        CHECK(f->claimed_by_len == 1);
        CHECK_STR(f->claimed_by[0], "snhr");
    }

    CHECK_OK(st_quote_get(ds, "quote-presumption-of-innocence", &q));
    CHECK_OK(st_quote_at(ds, 0, &q));
    if (q) {
        CHECK_STR(q->speaker, "russia");
        CHECK_STR(q->said.value, "2017-02-28");
        CHECK_CONTAINS(q->text, "presumption of innocence");
    }

    CHECK_OK(st_position_get(ds, "russia-sanctions-2017", &o));
    CHECK_OK(st_position_at(ds, 0, &o));
    if (o) {
        CHECK_STR(o->topic, "accountability");
        CHECK_STR(o->actor, "russia");
        CHECK(o->as_of.value == NULL);
    }

    CHECK_OK(st_instrument_get(ds, "draft-sanctions-2017", &x));
    CHECK_OK(st_instrument_at(ds, 0, &x));
    if (x) {
        CHECK_STR(x->kind, "draft_resolution");
        CHECK(x->external_len == 1);
        CHECK_STR(x->external[0].reference, "S/2017/172");
        CHECK(x->external[0].url == NULL);
        CHECK(x->date.value == NULL && x->authors_len == 0 && x->signatories_len == 0 && x->absent_len == 0);
    }

    CHECK_OK(st_record_get(ds, "veto-2017-02-28", &ref));
    if (ref) {
        CHECK(ref->kind == ST_RECORD_KIND_EVENT && ref->index == 1);
        CHECK_STR(ref->kind_word, "veto");
        CHECK_STR(ref->date.value, "2017-02-28");
    }
    CHECK_OK(st_record_get(ds, "quote-presumption-of-innocence", &ref));
    if (ref) CHECK(ref->kind_word == NULL);

    /* Lookups that fail say why and leave the out-param NULL. */
    e = (const StEvent *)1;
    CHECK_STATUS(st_event_get(ds, "russia", &e), ST_STATUS_NO_SUCH_RECORD);
    CHECK(e == NULL);
    CHECK_CONTAINS(st_last_error_message(), "is of type actor, not event");
    CHECK_STATUS(st_event_get(ds, "no-such-id", &e), ST_STATUS_NO_SUCH_RECORD);
    CHECK_CONTAINS(st_last_error_message(), "no-such-id");
    CHECK(st_last_error_code() == ST_STATUS_NO_SUCH_RECORD);
    CHECK_STATUS(st_event_at(ds, 3, &e), ST_STATUS_OUT_OF_RANGE);
    CHECK(e == NULL);
    ref = (const StRecordRef *)1;
    CHECK_STATUS(st_record_get(ds, "nothing-here", &ref), ST_STATUS_NO_SUCH_RECORD);
    CHECK(ref == NULL);
    /* A success resets the last error. */
    CHECK_OK(st_record_get(ds, "russia", &ref));
    CHECK(st_last_error_code() == ST_STATUS_OK);
    CHECK_STR(st_last_error_message(), "");
}

/* Runs a query and checks the ids it returns, in order. */
static void expect_ids(const StDataset *ds, int32_t kind, const StFilter *f, const char *const *ids, size_t n,
                       int line) {
    StResults *res = NULL;
    size_t i;
    StStatus s = kind < 0 ? st_timeline(ds, f, &res) : st_query(ds, kind, f, &res);
    checks++;
    if (s != ST_STATUS_OK || res == NULL) {
        fprintf(stderr, "line %d: query failed: %s: %s\n", line, st_status_name(s), st_last_error_message());
        failures++;
        return;
    }
    checks++;
    if (res->len != n) {
        fprintf(stderr, "line %d: %zu results, expected %zu\n", line, res->len, n);
        failures++;
    } else {
        CHECK((n == 0) == (res->items == NULL));
        for (i = 0; i < n; i++) CHECK_STR(res->items[i].id, ids[i]);
    }
    CHECK_OK(st_results_free(&res));
}

static void check_queries(const StDataset *ds, const StDataset *emb) {
    StFilter f;
    StResults *res = NULL;
    StSearchResults *hits = NULL;
    StCandidates *cands = NULL;
    char *json = NULL;
    static const char *const veto[] = {"veto-2017-02-28"};
    static const char *const opened[] = {"geneva-iv-opened"};
    static const char *const report[] = {"coi-report-2017-03-01"};
    static const char *const all_events[] = {"geneva-iv-opened", "veto-2017-02-28", "coi-report-2017-03-01"};
    static const char *const timeline[] = {"civilians-killed-2017-02",       "geneva-iv-2017",
                                           "geneva-iv-opened",               "veto-2017-02-28",
                                           "quote-presumption-of-innocence", "coi-report-2017-03-01"};
    static const char *const quotes[] = {"quote-presumption-of-innocence"};

    memset(&f, 0, sizeof f);
    expect_ids(ds, ST_RECORD_KIND_EVENT, NULL, all_events, 3, __LINE__);
    expect_ids(ds, ST_RECORD_KIND_EVENT, &f, all_events, 3, __LINE__);
    f.kind = "veto";
    expect_ids(ds, ST_RECORD_KIND_EVENT, &f, veto, 1, __LINE__);
    memset(&f, 0, sizeof f);
    f.actor = "Russia";
    expect_ids(ds, ST_RECORD_KIND_EVENT, &f, veto, 1, __LINE__);
    memset(&f, 0, sizeof f);
    f.place = "Aleppo"; /* east Aleppo lies within it */
    expect_ids(ds, ST_RECORD_KIND_EVENT, &f, report, 1, __LINE__);
    memset(&f, 0, sizeof f);
    f.since = "2017-02-24";
    f.until = "2017-02";
    expect_ids(ds, ST_RECORD_KIND_EVENT, &f, veto, 1, __LINE__);
    memset(&f, 0, sizeof f);
    f.round = "Geneva IV";
    expect_ids(ds, ST_RECORD_KIND_EVENT, &f, opened, 1, __LINE__);
    memset(&f, 0, sizeof f);
    f.source = "src-tiny";
    expect_ids(ds, ST_RECORD_KIND_EVENT, &f, all_events, 3, __LINE__);
    memset(&f, 0, sizeof f);
    f.text = "commission";
    expect_ids(ds, ST_RECORD_KIND_EVENT, &f, report, 1, __LINE__);
    memset(&f, 0, sizeof f);
    f.text = "nothing like this anywhere";
    expect_ids(ds, ST_RECORD_KIND_EVENT, &f, NULL, 0, __LINE__);
    /* speaker: quotes said by an actor; nothing else has a speaker. */
    memset(&f, 0, sizeof f);
    f.speaker = "de Mistura";
    expect_ids(ds, ST_RECORD_KIND_EVENT, &f, NULL, 0, __LINE__);
    {
        char *said = NULL;
        CHECK_OK(st_query_json(emb, ST_RECORD_KIND_QUOTE, &f, &said));
        CHECK_CONTAINS(said, "\"speaker\": \"staffan-de-mistura\"");
        CHECK(strstr(said ? said : "", "\"speaker\": \"bashar-al-jaafari\"") == NULL);
        CHECK_OK(st_string_free(&said));
    }

    expect_ids(ds, -1, NULL, timeline, 6, __LINE__);
    memset(&f, 0, sizeof f);
    f.kind = "quote";
    expect_ids(ds, -1, &f, quotes, 1, __LINE__);

    /* Filters the core refuses, each with its own status; the out-param stays NULL. */
    memset(&f, 0, sizeof f);
    f.kind = "nonsense";
    res = (StResults *)1;
    CHECK_STATUS(st_query(ds, ST_RECORD_KIND_EVENT, &f, &res), ST_STATUS_UNKNOWN_KIND);
    CHECK(res == NULL);
    CHECK_CONTAINS(st_last_error_message(), "nonsense");
    CHECK_STATUS(st_timeline(ds, &f, &res), ST_STATUS_UNKNOWN_KIND);
    CHECK(res == NULL);
    f.kind = "anything";
    CHECK_STATUS(st_query(ds, ST_RECORD_KIND_QUOTE, &f, &res), ST_STATUS_NO_KINDS);
    memset(&f, 0, sizeof f);
    f.actor = "Nobody At All";
    CHECK_STATUS(st_query(ds, ST_RECORD_KIND_EVENT, &f, &res), ST_STATUS_NAME_NOT_FOUND);
    CHECK_CONTAINS(st_last_error_message(), "Nobody At All");
    memset(&f, 0, sizeof f);
    f.since = "2017-13";
    CHECK_STATUS(st_query(ds, ST_RECORD_KIND_EVENT, &f, &res), ST_STATUS_BAD_DATE_ARGUMENT);
    CHECK_CONTAINS(st_last_error_message(), "filter.since");
    memset(&f, 0, sizeof f);
    f.since = "2018";
    f.until = "2017";
    CHECK_STATUS(st_query(ds, ST_RECORD_KIND_EVENT, &f, &res), ST_STATUS_EMPTY_RANGE);
    CHECK_STATUS(st_query(ds, 9, NULL, &res), ST_STATUS_INVALID_ARGUMENT);
    CHECK(res == NULL);

    /* In session, figure series. */
    {
        static const char *const g4[] = {"geneva-iv-2017"};
        CHECK_OK(st_in_session(ds, "2017-02", &res));
        CHECK(res && res->len == 1 && strcmp(res->items[0].id, g4[0]) == 0);
        CHECK_OK(st_results_free(&res));
        CHECK_OK(st_in_session(ds, "2016", &res));
        CHECK(res && res->len == 0 && res->items == NULL);
        CHECK_OK(st_results_free(&res));
        CHECK_STATUS(st_in_session(ds, "23 February 2017", &res), ST_STATUS_BAD_DATE_ARGUMENT);
        CHECK_OK(st_figure_series(ds, "civilians-killed", &res));
        CHECK(res && res->len == 1 && strcmp(res->items[0].id, "civilians-killed-2017-02") == 0);
        CHECK_OK(st_results_free(&res));
        CHECK_STATUS(st_figure_series(ds, "bogus", &res), ST_STATUS_UNKNOWN_KIND);
        CHECK_CONTAINS(st_last_error_message(), "bogus");
    }

    /* Search. */
    CHECK_OK(st_search(ds, "Commission of Inquiry", &hits));
    if (hits) {
        size_t i;
        int text_hits = 0, record_hits = 0;
        for (i = 0; i < hits->len; i++) {
            const StSearchHit *h = &hits->items[i];
            CHECK(h->span_end > h->span_start);
            CHECK_CONTAINS(h->snippet, "Commission of Inquiry");
            if (strcmp(h->field, "text") == 0) {
                text_hits++;
                CHECK(h->record.kind == ST_RECORD_KIND_SOURCE);
            } else {
                record_hits++;
            }
        }
        CHECK(text_hits == 1 && record_hits >= 1);
    }
    CHECK_OK(st_search_results_free(&hits));
    CHECK_OK(st_search(ds, "   ", &hits));
    CHECK(hits && hits->len == 0 && hits->items == NULL);
    CHECK_OK(st_search_results_free(&hits));

    /* Name resolution. */
    CHECK_OK(st_resolve_actor(ds, "DE MISTURA", &cands));
    if (cands && cands->len >= 1) {
        CHECK_STR(cands->items[0].actor.id, "staffan-de-mistura");
        CHECK_STR(cands->items[0].how, "exact");
        CHECK_STR(cands->items[0].matched, "de Mistura");
        CHECK(cands->items[0].score == 1.0);
    } else {
        CHECK(!"no candidate for DE MISTURA");
    }
    CHECK_OK(st_candidates_free(&cands));
    CHECK_OK(st_resolve_actor(ds, "Jafari", &cands));
    if (cands && cands->len >= 1) {
        CHECK_STR(cands->items[0].actor.id, "bashar-al-jaafari");
        CHECK_STR(cands->items[0].how, "fuzzy");
    }
    CHECK_OK(st_candidates_free(&cands));
    CHECK_OK(st_resolve_actor(ds, "zzzz qqqq", &cands));
    CHECK(cands && cands->len == 0);
    CHECK_OK(st_candidates_free(&cands));

    /* JSON. */
    CHECK_OK(st_record_json(ds, "veto-2017-02-28", &json));
    CHECK_CONTAINS(json, "\"type\": \"event\"");
    CHECK_CONTAINS(json, "\"span\"");
    CHECK_OK(st_string_free(&json));
    CHECK_STATUS(st_record_json(ds, "nope", &json), ST_STATUS_NO_SUCH_RECORD);
    CHECK(json == NULL);

    memset(&f, 0, sizeof f);
    f.kind = "veto";
    CHECK_OK(st_query_json(ds, ST_RECORD_KIND_EVENT, &f, &json));
    CHECK_CONTAINS(json, "veto-2017-02-28");
    CHECK(strstr(json ? json : "", "\"id\": \"geneva-iv-opened\"") == NULL);
    CHECK_OK(st_string_free(&json));
    CHECK_STATUS(st_query_json(ds, ST_RECORD_KIND_QUOTE, &f, &json), ST_STATUS_NO_KINDS);

    CHECK_OK(st_timeline_json(ds, NULL, &json));
    CHECK_CONTAINS(json, "coi-report-2017-03-01");
    CHECK_OK(st_string_free(&json));

    CHECK_OK(st_search_json(ds, "Commission of Inquiry", &json));
    CHECK_CONTAINS(json, "\"snippet\"");
    CHECK_OK(st_string_free(&json));

    CHECK_OK(st_dataset_json(ds, &json));
    CHECK_CONTAINS(json, "src-tiny");
    CHECK_OK(st_string_free(&json));

    CHECK_OK(st_timeline(ds, NULL, &res));
    CHECK_OK(st_results_json(ds, res, &json));
    CHECK_CONTAINS(json, "\"type\": \"quote\"");
    CHECK_CONTAINS(json, "quote-presumption-of-innocence");
    CHECK_OK(st_string_free(&json));
    /* A list from one dataset is refused by another. */
    CHECK_STATUS(st_results_json(emb, res, &json), ST_STATUS_INVALID_ARGUMENT);
    CHECK(json == NULL);
    CHECK_OK(st_results_free(&res));
}

static void check_status_functions(void) {
    char buf[256];
    char tiny[8];
    size_t n = 0;

    CHECK_STR(st_record_kind_name(ST_RECORD_KIND_SOURCE), "source");
    CHECK_STR(st_record_kind_name(ST_RECORD_KIND_EVENT), "event");
    CHECK_STR(st_record_kind_name(ST_RECORD_KIND_INSTRUMENT), "instrument");
    CHECK(st_record_kind_name(9) == NULL);

    CHECK_STR(st_status_name(ST_STATUS_OK), "ST_STATUS_OK");
    CHECK_STR(st_status_name(48), "ST_STATUS_LOAD_MISQUOTE");
    CHECK_STR(st_status_name(ST_STATUS_LOAD_CHECKSUM), "ST_STATUS_LOAD_CHECKSUM");
    CHECK_STR(st_status_name(-7), "ST_STATUS_UNKNOWN");
    CHECK_STR(st_status_name(12345), "ST_STATUS_UNKNOWN");

    CHECK_OK(st_status_message(ST_STATUS_LOAD_MISQUOTE, buf, sizeof buf, &n));
    CHECK_CONTAINS(buf, "not found verbatim");
    CHECK(n == strlen(buf));
    CHECK_OK(st_status_message(ST_STATUS_OK, buf, sizeof buf, NULL));
    CHECK_STR(buf, "success");
    CHECK_STATUS(st_status_message(ST_STATUS_NULL_ARGUMENT, tiny, sizeof tiny, &n), ST_STATUS_BUFFER_TOO_SMALL);
    CHECK(strlen(tiny) == sizeof tiny - 1);
    CHECK(n > sizeof tiny);
    CHECK_STATUS(st_status_message(ST_STATUS_NULL_ARGUMENT, NULL, 0, &n), ST_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == strlen("a required pointer argument was NULL"));
    CHECK_STATUS(st_status_message(999, buf, sizeof buf, &n), ST_STATUS_INVALID_ARGUMENT);
    CHECK(n == 0);

    /* st_status_message describes the last error without erasing it. */
    {
        const StEvent *e = NULL;
        const StDataset *emb = NULL;
        CHECK_OK(st_dataset_embedded(&emb));
        CHECK_STATUS(st_event_get(emb, "no-such-id-at-all", &e), ST_STATUS_NO_SUCH_RECORD);
        CHECK_OK(st_status_message(st_last_error_code(), buf, sizeof buf, NULL));
        CHECK(st_last_error_code() == ST_STATUS_NO_SUCH_RECORD);
        CHECK_CONTAINS(st_last_error_message(), "no-such-id-at-all");
        CHECK(st_last_error_details() == NULL);
    }
}

/* --- Arrow C stream (st_query_arrow) ------------------------------------------------------------ */

/* Row `row` of a dictionary-encoded utf8 column (format "i", dictionary "u") into `buf`. */
static const char *arrow_dict_string(const struct ArrowArray *col, int64_t row, char *buf, size_t cap) {
    const int32_t *keys = (const int32_t *)col->buffers[1];
    const struct ArrowArray *dict = col->dictionary;
    const int32_t *offsets;
    const char *data;
    int32_t key, start, end;
    size_t len;
    buf[0] = '\0';
    if (dict == NULL || keys == NULL) return NULL;
    key = keys[col->offset + row];
    offsets = (const int32_t *)dict->buffers[1];
    data = (const char *)dict->buffers[2];
    start = offsets[dict->offset + key];
    end = offsets[dict->offset + key + 1];
    len = (size_t)(end - start);
    if (len >= cap) len = cap - 1;
    memcpy(buf, data + start, len);
    buf[len] = '\0';
    return buf;
}

static int64_t arrow_column(const struct ArrowSchema *schema, const char *name) {
    int64_t i;
    for (i = 0; i < schema->n_children; i++)
        if (strcmp(schema->children[i]->name, name) == 0) return i;
    return -1;
}

/* Consumes the stream of one query: the schema has the table's columns with their Arrow formats,
 * the rows are st_query's records in its order, and every schema, array and the stream are
 * released (valgrind and ASan check that nothing leaks). */
static void check_arrow_query(const StDataset *ds, int32_t kind, const StFilter *f) {
    struct ArrowArrayStream stream;
    struct ArrowSchema schema;
    StResults *res = NULL;
    size_t row = 0;
    int64_t n_columns = 0, quote_start = -1;
    char id[256];

    memset(&stream, 0, sizeof stream);
    CHECK_OK(st_query_arrow(ds, kind, f, &stream));
    CHECK_OK(st_query(ds, kind, f, &res));
    CHECK(stream.release != NULL && res != NULL);
    if (stream.release == NULL || res == NULL) {
        if (stream.release) stream.release(&stream);
        CHECK_OK(st_results_free(&res));
        return;
    }
    CHECK(stream.get_schema(&stream, &schema) == 0);
    CHECK_STR(schema.format, "+s");
    n_columns = schema.n_children;
    CHECK(n_columns >= 5);
    CHECK_STR(schema.children[0]->name, "id");
    CHECK_STR(schema.children[0]->format, "i");
    CHECK(schema.children[0]->dictionary != NULL);
    if (schema.children[0]->dictionary) CHECK_STR(schema.children[0]->dictionary->format, "u");
    CHECK((schema.children[0]->flags & ARROW_FLAG_NULLABLE) == 0);
    if (kind == ST_RECORD_KIND_EVENT) {
        int64_t ev = arrow_column(&schema, "evidence"), days = arrow_column(&schema, "days_first");
        int64_t actors = arrow_column(&schema, "actor_ids");
        quote_start = arrow_column(&schema, "quote_start");
        CHECK(ev >= 0 && days >= 0 && actors >= 0 && quote_start >= 0);
        if (ev >= 0) {
            CHECK_STR(schema.children[ev]->format, "+l");
            CHECK(schema.children[ev]->n_children == 1);
            if (schema.children[ev]->n_children == 1) CHECK_STR(schema.children[ev]->children[0]->format, "+s");
        }
        if (days >= 0) CHECK_STR(schema.children[days]->format, "tdD");
        if (quote_start >= 0) CHECK_STR(schema.children[quote_start]->format, "L");
        if (actors >= 0) CHECK_STR(schema.children[actors]->format, "+l");
    }
    schema.release(&schema);
    CHECK(schema.release == NULL);

    for (;;) {
        struct ArrowArray batch;
        int64_t i;
        memset(&batch, 0, sizeof batch);
        CHECK(stream.get_next(&stream, &batch) == 0);
        if (batch.release == NULL) break; /* end of stream */
        CHECK(batch.n_children == n_columns);
        for (i = 0; i < batch.length && batch.n_children == n_columns; i++, row++) {
            CHECK(row < res->len);
            if (row >= res->len) break;
            CHECK_STR(arrow_dict_string(batch.children[0], i, id, sizeof id), res->items[row].id);
            if (quote_start >= 0) {
                /* The flat citable column holds one of the event's evidence spans. */
                const StEvent *e = NULL;
                const struct ArrowArray *qs = batch.children[quote_start];
                uint64_t start = ((const uint64_t *)qs->buffers[1])[qs->offset + i];
                size_t k;
                int found = 0;
                CHECK_OK(st_event_get(ds, res->items[row].id, &e));
                for (k = 0; e && k < e->evidence_len; k++)
                    if (e->evidence[k].span_start == (size_t)start) found = 1;
                CHECK(found);
            }
        }
        batch.release(&batch);
        CHECK(batch.release == NULL);
    }
    CHECK(row == res->len);
    stream.release(&stream);
    CHECK(stream.release == NULL);
    CHECK_OK(st_results_free(&res));
}

static void check_arrow(const StDataset *ds, int embedded) {
    int32_t kind;
    StFilter f;
    for (kind = 0; kind <= ST_RECORD_KIND_INSTRUMENT; kind++) check_arrow_query(ds, kind, NULL);
    memset(&f, 0, sizeof f);
    f.since = "2016-01";
    f.until = "2017-03";
    f.actor = embedded ? "Lavrov" : NULL; /* the fixture has no Lavrov */
    check_arrow_query(ds, ST_RECORD_KIND_EVENT, &f);
    f.text = "no-such-words-anywhere"; /* nothing kept: one empty batch, then the end */
    check_arrow_query(ds, ST_RECORD_KIND_EVENT, &f);
    {
        struct ArrowArrayStream stream;
        memset(&stream, 0xab, sizeof stream);
        CHECK_STATUS(st_query_arrow(ds, 9, NULL, &stream), ST_STATUS_INVALID_ARGUMENT);
        CHECK(stream.release == NULL);
    }
}

/* Retired ids lead to their replacement, saying why; a record cites itself in BibTeX and CSL. */
static void check_retired_and_cite(const StDataset *extra, const StDataset *emb) {
    char *json = NULL;
    const char *version = NULL;
    CHECK_OK(st_record_json(extra, "old-de-mistura", &json));
    CHECK_CONTAINS(json, "\"id\": \"staffan-de-mistura\"");
    CHECK_CONTAINS(json, "\"retired\"");
    CHECK_CONTAINS(json, "merged into the full name");
    CHECK_OK(st_string_free(&json));
    CHECK_OK(st_retirement_json(extra, "old-de-mistura", &json));
    CHECK_CONTAINS(json, "\"replaced_by\": \"staffan-de-mistura\"");
    CHECK_OK(st_string_free(&json));
    CHECK_STATUS(st_retirement_json(extra, "staffan-de-mistura", &json), ST_STATUS_NO_SUCH_RECORD);
    CHECK(json == NULL);
    CHECK_STATUS(st_record_json(emb, "old-de-mistura", &json), ST_STATUS_NO_SUCH_RECORD);
    {
        const StActor *a = NULL;
        const StEvent *e = NULL;
        const StRecordRef *r = NULL;
        CHECK_OK(st_actor_get(extra, "old-de-mistura", &a));
        if (a) CHECK_STR(a->id, "staffan-de-mistura");
        CHECK_OK(st_record_get(extra, "old-de-mistura", &r));
        if (r) CHECK_STR(r->id, "staffan-de-mistura");
        CHECK_STATUS(st_event_get(extra, "old-de-mistura", &e), ST_STATUS_NO_SUCH_RECORD);
    }

    CHECK_OK(st_data_version(emb, &version));
    CHECK_OK(st_cite(emb, "geneva-iv-2017", "bibtex", &json));
    CHECK_CONTAINS(json, "@misc{syriatalks:geneva-iv-2017,");
    if (version) CHECK_CONTAINS(json, version);
    CHECK_CONTAINS(json, "On 23 February, the Syrian government");
    CHECK_OK(st_string_free(&json));
    CHECK_OK(st_cite(extra, "old-de-mistura", "csl", &json));
    CHECK_CONTAINS(json, "\"id\": \"syriatalks:staffan-de-mistura\"");
    CHECK_CONTAINS(json, "was retired");
    CHECK_OK(st_string_free(&json));
    CHECK_STATUS(st_cite(emb, "geneva-iv-2017", "apa", &json), ST_STATUS_INVALID_ARGUMENT);
    CHECK_CONTAINS(st_last_error_message(), "bibtex, csl");
    CHECK_STATUS(st_cite(emb, "nope", "bibtex", &json), ST_STATUS_NO_SUCH_RECORD);
    CHECK(json == NULL);
}

int main(int argc, char **argv) {
    const StDataset *emb = NULL, *emb2 = NULL;
    StDataset *ds = NULL, *extra = NULL, *copy = NULL;
    const char *version;

    if (argc != 2) {
        fprintf(stderr, "usage: %s FIXTURES_DIR\n", argv[0]);
        return 2;
    }

    version = st_version();
    CHECK(version != NULL && strlen(version) >= 5);
    CHECK(version[0] >= '0' && version[0] <= '9');

    CHECK_OK(st_dataset_embedded(&emb));
    CHECK_OK(st_dataset_embedded(&emb2));
    CHECK(emb != NULL && emb == emb2);
    if (emb) {
        check_embedded(emb);
        check_happenings(emb);
        check_threads(emb);
        check_arrow(emb, 1);
    }

    CHECK_OK(st_dataset_load(fixture(argv[1], "tiny"), &ds));
    if (ds) {
        check_walk(ds);
        check_records(ds);
        check_queries(ds, emb);
        check_arrow(ds, 0);
    }

    /* A user's records on top of the embedded ones. */
    CHECK_OK(st_dataset_load_with_embedded(fixture(argv[1], "extra"), &extra));
    if (extra) {
        const StEvent *e = NULL;
        const StActor *a = NULL;
        size_t n_emb = 0, n_extra = 0;
        CHECK_OK(st_event_get(extra, "c-api-extra-talks-declared-under-way", &e));
        if (e) CHECK_STR(e->date.value, "2016-02-01");
        CHECK_OK(st_actor_get(extra, "staffan-de-mistura", &a));
        CHECK_OK(st_dataset_count(emb, ST_RECORD_KIND_EVENT, &n_emb));
        CHECK_OK(st_dataset_count(extra, ST_RECORD_KIND_EVENT, &n_extra));
        CHECK(n_extra == n_emb + 1);
        CHECK_STATUS(st_event_get(emb, "c-api-extra-talks-declared-under-way", &e), ST_STATUS_NO_SUCH_RECORD);
        check_retired_and_cite(extra, emb);
    }
    CHECK_OK(st_dataset_free(&extra));
    CHECK(extra == NULL);

    check_status_functions();

    /* Freeing: the slot is nulled; NULL and the embedded handle are no-ops; a stale copy of a
     * freed pointer is refused, not followed. */
    copy = ds;
    CHECK_OK(st_dataset_free(&ds));
    CHECK(ds == NULL);
    CHECK_OK(st_dataset_free(&ds));
    CHECK_OK(st_dataset_free(NULL));
    CHECK_STATUS(st_dataset_free(&copy), ST_STATUS_INVALID_HANDLE);
    CHECK(copy == NULL);
    {
        StDataset *e = (StDataset *)emb;
        CHECK_OK(st_dataset_free(&e));
        CHECK(e == NULL);
        CHECK_OK(st_dataset_count(emb, ST_RECORD_KIND_SOURCE, &(size_t){0}));
    }
    return finish("api");
}
