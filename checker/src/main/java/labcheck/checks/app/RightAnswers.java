package labcheck.checks.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import labcheck.evidence.app.AppEvidence;
import labcheck.evidence.app.DatabaseProbe;
import labcheck.evidence.app.ProductAnswer;
import labcheck.evidence.app.ProductObservation;
import labcheck.evidence.app.ProductRow;
import labcheck.evidence.app.ServedProduct;

/**
 * Whether each sampled answer carried the product asked for: compared with the database's row for
 * that id when labcheck read it, else with the answers for the other ids (an answer naming another
 * id, or one product for several ids). Only positive evidence makes an answer wrong: a field the
 * lab defines that the answer carries with another value; an answer that cannot be read is not
 * compared (its contract problem is judged elsewhere).
 *
 * <pre>{@code
 * RightAnswers answers = RightAnswers.of(app);
 * conditions.expect(answers.wrong().isEmpty(), () -> answers.failure(app));
 * }</pre>
 *
 * @param wrong        what was wrong, e.g. "GET /product/7 (cache_status HIT) answered product 1 (Laptop)", in
 *                     probe order, each said once (two answers for one id may be wrong alike)
 * @param wrongAnswers how many answers were wrong
 * @param compared     how many answers were compared
 * @param basis        what they were compared with, as a sentence
 */
record RightAnswers(List<String> wrong, int wrongAnswers, int compared, String basis) {

    /** Wrong answers a failure message lists; the lazy-loading details list them all. */
    private static final int SHOWN = 3;

    static RightAnswers of(AppEvidence app) {
        if (app.lazyLoad() == null || !app.lazyLoad().available()) {
            return new RightAnswers(List.of(), 0, 0, "No answer was sampled.");
        }
        List<ProductObservation> observations = app.lazyLoad().value().observations();
        DatabaseProbe db = app.database() != null && app.database().available() ? app.database().value() : null;
        return db != null && db.rows() != null ? withRows(observations, db) : acrossIds(observations);
    }

    private static RightAnswers withRows(List<ProductObservation> observations, DatabaseProbe db) {
        Set<String> wrong = new LinkedHashSet<>();
        int compared = 0;
        int wrongAnswers = 0;
        for (ProductObservation o : observations) {
            ProductRow row = db.row(o.id());
            for (ProductAnswer a : List.of(o.first(), o.second())) {
                ServedProduct served = ServedProduct.of(a.product());
                if (served == null) {
                    continue;
                }
                compared++;
                if (row == null) {
                    wrongAnswers++;
                    wrong.add(asked(o.id(), a) + " answered " + served.describe() + " while the database holds no"
                            + " product " + o.id());
                    continue;
                }
                String difference = row.difference(served);
                if (difference != null) {
                    wrongAnswers++;
                    wrong.add(asked(o.id(), a) + " answered " + difference + "; the database's is " + row.describe());
                }
            }
        }
        return new RightAnswers(List.copyOf(wrong), wrongAnswers, compared, "Each answer was compared with the"
                + " database's row for the id asked (id, name, price to the cent and description; views may differ,"
                + " as a cache may serve the count it cached), read by labcheck itself.");
    }

    private static RightAnswers acrossIds(List<ProductObservation> observations) {
        Set<String> wrong = new LinkedHashSet<>();
        Map<Integer, ServedProduct> byId = new LinkedHashMap<>();
        Map<Integer, Integer> answersById = new LinkedHashMap<>();
        int compared = 0;
        int wrongAnswers = 0;
        for (ProductObservation o : observations) {
            for (ProductAnswer a : List.of(o.first(), o.second())) {
                ServedProduct served = ServedProduct.of(a.product());
                if (served == null) {
                    continue;
                }
                compared++;
                if (served.id() != null && served.id() != o.id()) {
                    wrongAnswers++;
                    wrong.add(asked(o.id(), a) + " answered " + served.describe());
                }
                byId.putIfAbsent(o.id(), served);
                answersById.merge(o.id(), 1, Integer::sum);
            }
        }
        List<Integer> ids = new ArrayList<>(byId.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = 0; j < i; j++) {
                ServedProduct p = byId.get(ids.get(i));
                // with ids, the same product for two ids names another id in one of them: flagged above
                if (p.id() == null && p.sameAs(byId.get(ids.get(j)))) {
                    wrongAnswers += answersById.get(ids.get(i));
                    wrong.add("GET /product/" + ids.get(i) + " answered the same product as GET /product/" + ids.get(j)
                            + " (" + p.describe() + ")");
                    break;
                }
            }
        }
        return new RightAnswers(List.copyOf(wrong), wrongAnswers, compared, "The database's rows were not read"
                + " from here (run with --db-url), so each answer was compared with the id asked and with the answers"
                + " for the other ids.");
    }

    private static String asked(int id, ProductAnswer a) {
        return "GET /product/" + id + (a.cacheStatus() == null ? "" : " (cache_status " + a.cacheStatus() + ")");
    }

    /** The failure for the lazy-loading item when an answer is wrong; one sentence with the fix. */
    String failure(AppEvidence app) {
        List<String> shown = wrong.size() <= SHOWN ? wrong : List.of(String.join("; ", wrong.subList(0, SHOWN))
                + "; and " + (wrong.size() - SHOWN) + " more alike");
        return "On " + app.appUrl() + ", " + wrongAnswers + " of " + compared + " answers did not carry the product"
                + " asked for: " + String.join("; ", shown) + ". " + basis + " A cache must serve"
                + " the product of the id requested. Fix: build the cache key from the requested id (product:<id>)"
                + " and cache, and return, the row read for that id.";
    }

    /** One line for the judge: how many answers were compared, with what, how many were right, and every wrong one. */
    String describe() {
        return (compared - wrongAnswers) + " of " + compared + " answers carried the product asked for"
                + (wrong.isEmpty() ? "" : " (" + String.join("; ", wrong) + ")") + ". " + basis;
    }
}
