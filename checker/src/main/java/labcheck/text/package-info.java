/** Small text helpers shared by packages that must not depend on each other (rubric, cli). */
package labcheck.text;
