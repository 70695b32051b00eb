/** Small text helpers (the nearest name, how numbers are written) for packages that must not depend on each other. */
package labcheck.text;
