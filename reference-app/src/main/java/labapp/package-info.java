/** The lab's product API: no-cache and lazy-loading cache modes over MySQL and Redis. */
package labapp;
