package labcheck.cli;

import java.util.List;

/** "Did you mean" for a misspelt labcheck.yaml key. */
final class Nearest {

    private Nearest() {
    }

    /** "did you mean 'app'? " when a known name is within a third of the word's length, else "". */
    static String suggestion(String word, List<String> known) {
        return labcheck.text.Nearest.within(word, known, Math.max(2, word.length() / 3))
                .map(best -> "did you mean '" + best + "'? ").orElse("");
    }
}
