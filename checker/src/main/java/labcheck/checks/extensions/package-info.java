/** Checks for the seed's extension challenges (bonus items, 0 marks unless a rubric gives marks). */
package labcheck.checks.extensions;
