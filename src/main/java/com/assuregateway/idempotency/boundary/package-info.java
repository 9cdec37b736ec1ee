/** The JAX-RS filter that replays, refuses or records, and the hourly purge of expired keys. */
package com.assuregateway.idempotency.boundary;
