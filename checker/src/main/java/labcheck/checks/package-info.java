/** The checks, one class per area; each method is one {@code @Check} with a stable id. */
package labcheck.checks;
