/** The rubric as data: items, their checks and marks, and every threshold; loaded from YAML. */
package labcheck.rubric;
