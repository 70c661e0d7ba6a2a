/* Identity and interchange through the C API: ISO codes, GeoNames ids, coordinates and their
 * precision on places and states, PLOVER/CAMEO codes on events, and figure bounds traced to the
 * bytes of the number they come from, read from the embedded dataset as C structs and as JSON. */
#include <math.h>

#include "check.h"

static void check_places(const StDataset *ds) {
    const StPlace *p = NULL;
    const StActor *a = NULL;

    CHECK_OK(st_place_get(ds, "geneva", &p));
    if (p) {
        CHECK(p->geonames_id == 2660646);
        CHECK(p->has_coordinates);
        CHECK(fabs(p->latitude - 46.20222) < 1e-9 && fabs(p->longitude - 6.14569) < 1e-9);
        CHECK_STR(p->location_precision, "exact");
        CHECK(p->iso_alpha2 == NULL && p->iso_alpha3 == NULL);
    }
    CHECK_OK(st_place_get(ds, "syria", &p));
    if (p) {
        CHECK_STR(p->iso_alpha2, "SY");
        CHECK_STR(p->iso_alpha3, "SYR");
        CHECK(p->geonames_id == 163843);
        /* No shipped reference gives a country's point, so a country has none. */
        CHECK(!p->has_coordinates && p->location_precision == NULL);
    }
    /* A venue the gazetteer lacks borrows its city's point, at a coarser precision. */
    CHECK_OK(st_place_get(ds, "palais-des-nations", &p));
    if (p) {
        CHECK(p->geonames_id == 0 && p->has_coordinates);
        CHECK_STR(p->location_precision, "near");
    }
    CHECK_OK(st_place_get(ds, "hardatneen", &p));
    if (p) CHECK(!p->has_coordinates && p->geonames_id == 0);

    CHECK_OK(st_actor_get(ds, "russia", &a));
    if (a) {
        CHECK_STR(a->iso_alpha2, "RU");
        CHECK_STR(a->iso_alpha3, "RUS");
    }
    CHECK_OK(st_actor_get(ds, "staffan-de-mistura", &a));
    if (a) CHECK(a->iso_alpha2 == NULL && a->iso_alpha3 == NULL);
}

static void check_events(const StDataset *ds) {
    const StEvent *e = NULL;
    size_t n = 0, i;

    CHECK_OK(st_event_get(ds, "a002-ev-opposition-boycott", &e));
    if (e) {
        CHECK_STR(e->plover, "SANCTION");
        CHECK_STR(e->cameo_root, "16");
    }
    /* Every event has either both codes, a CAMEO code alone (statements), or neither. */
    CHECK_OK(st_dataset_count(ds, ST_RECORD_KIND_EVENT, &n));
    for (i = 0; i < n; i++) {
        CHECK_OK(st_event_at(ds, i, &e));
        if (e && e->plover) CHECK(e->cameo_root != NULL && strlen(e->cameo_root) == 2);
    }
}

static void check_figures(const StDataset *ds) {
    const StFigure *f = NULL;
    const StSource *s = NULL;

    CHECK_OK(st_figure_get(ds, "a000-fig-deaths-450000", &f));
    if (f) {
        CHECK(f->has_low && f->low == 450000);
        CHECK(f->has_best && f->best == 450000);
        CHECK(!f->has_high);
        CHECK(f->has_number_span && f->number_evidence < f->evidence_len);
        if (f->has_number_span && f->number_evidence < f->evidence_len) {
            const StEvidence *ev = &f->evidence[f->number_evidence];
            CHECK_OK(st_source_get(ds, ev->source, &s));
            if (s) {
                size_t len = f->number_span_end - f->number_span_start;
                CHECK(len == strlen(f->text));
                CHECK(strncmp(s->text + f->number_span_start, f->text, len) == 0);
            }
        }
    }
    CHECK_OK(st_figure_get(ds, "a004-fig-deaths-400000", &f));
    if (f) CHECK(f->has_low && f->low == 360000 && f->has_high && f->high == 440000);
    CHECK_OK(st_figure_get(ds, "a001-fig-displaced-millions", &f));
    if (f) CHECK(f->has_low && f->low == 1000000 && !f->has_best && !f->has_high);
}

static void check_json(const StDataset *ds) {
    char *json = NULL;
    CHECK_OK(st_record_json(ds, "geneva", &json));
    CHECK_CONTAINS(json, "\"geonames_id\": 2660646");
    CHECK_CONTAINS(json, "\"latitude\": 46.20222");
    CHECK_OK(st_string_free(&json));
    CHECK_OK(st_record_json(ds, "syria", &json));
    CHECK_CONTAINS(json, "\"iso_alpha2\": \"SY\"");
    CHECK_CONTAINS(json, "\"iso_alpha3\": \"SYR\"");
    CHECK_OK(st_string_free(&json));
    CHECK_OK(st_record_json(ds, "a000-fig-deaths-450000", &json));
    CHECK_CONTAINS(json, "\"low\": 450000");
    CHECK_CONTAINS(json, "\"high\": null");
    CHECK_OK(st_string_free(&json));
}

int main(int argc, char **argv) {
    const StDataset *emb = NULL;
    (void)argc;
    (void)argv;
    CHECK_OK(st_dataset_embedded(&emb));
    if (emb) {
        check_places(emb);
        check_events(emb);
        check_figures(emb);
        check_json(emb);
    }
    return finish("identity");
}
