/** Runs checks as JUnit Jupiter tests through the Launcher and turns their outcomes into marks. */
package labcheck.engine;
