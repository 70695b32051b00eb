/** Sealed results: SHA-256 manifests of result folders, an optional Ed25519 signature, and their verification. */
package labcheck.seal;
