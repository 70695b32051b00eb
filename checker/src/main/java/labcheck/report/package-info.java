/** The scoresheet model and its renderers: FreeMarker (html, md, txt), JSON, JUnit XML, Gradescope. */
package labcheck.report;
