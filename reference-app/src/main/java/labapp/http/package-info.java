/** The lab's HTTP contract on Javalin: products, stats, health, extensions and JSON errors. */
package labapp.http;
