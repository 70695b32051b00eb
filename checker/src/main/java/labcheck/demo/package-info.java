/** The newcomer's path: the reference app on embedded backends, graded live end to end. */
package labcheck.demo;
